using KaizalaBot.Migration.Jobs;
using Microsoft.Extensions.Options;

using KaizalaBot.Migration;

namespace KaizalaBot.MigrationHost;

/// <summary>The thin hosted shell around <see cref="MigrationRunner"/>: all engine logic lives in KaizalaBot.Migration.</summary>
internal sealed class MigrationRunnerService(MigrationRunner runner, IOptions<MigrationOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Runner.Enabled ? runner.RunAsync(stoppingToken) : Task.CompletedTask;
}
