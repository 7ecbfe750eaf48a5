using KaizalaBot.Migration.Reminders;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Proactive;

/// <summary>The thin hosted shell around <see cref="ReminderWorker"/>: all schedule and delivery logic lives in KaizalaBot.Migration.</summary>
internal sealed class ReminderWorkerService(IServiceProvider services, IOptions<ReminderOptions> options, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await HostStarted.WaitAsync(lifetime, stoppingToken);
        await services.GetRequiredService<ReminderWorker>().RunAsync(stoppingToken);
    }
}
