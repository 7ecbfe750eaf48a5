using KaizalaBot.Migration;
using KaizalaBot.Migration.Jobs;
using Microsoft.Extensions.Options;

namespace KaizalaBot.MigrationHost;

/// <summary>The thin hosted shell around <see cref="MigrationRunner"/>: all engine logic lives in KaizalaBot.Migration.</summary>
/// <remarks>
/// The runner (and through it storage) is resolved when the service starts, not when it is constructed: invalid
/// settings must fail start-up through options validation, naming the key, before any backend is built.
/// </remarks>
internal sealed class MigrationRunnerService(IServiceProvider services, IOptions<MigrationOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Runner.Enabled ? services.GetRequiredService<MigrationRunner>().RunAsync(stoppingToken) : Task.CompletedTask;
}
