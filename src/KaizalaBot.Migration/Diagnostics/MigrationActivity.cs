using System.Diagnostics;

namespace KaizalaBot.Migration.Diagnostics;

/// <summary>A migration's span and logging scope, ended together.</summary>
internal sealed class MigrationActivity(Activity? span, IDisposable? scope) : IDisposable
{
    public void Dispose()
    {
        span?.Dispose();
        scope?.Dispose();
    }
}
