using System.Collections.Concurrent;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Migration.Tests.Infrastructure;

/// <summary>Keeps every report as it arrives (Progress&lt;T&gt; would post them later, out of the caller's order).</summary>
internal sealed class RecordingProgress : IProgress<UserReadProgress>
{
    public ConcurrentQueue<UserReadProgress> Reports { get; } = new();

    public void Report(UserReadProgress value) => Reports.Enqueue(value);
}
