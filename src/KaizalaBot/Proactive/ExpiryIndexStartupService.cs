using KaizalaBot.Migration.Expiry;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Proactive;

/// <summary>
/// Builds the expiry index once, in the background, when no scan has ever completed (a fresh deployment, a fresh
/// Development run): the conversation's customer list and <c>expiring</c> read the index and never scan in a turn.
/// Waits for the host to be listening (in Development the simulator is served by this same host), and tries again
/// every <see cref="RetryDelay"/> until the index is ready, whichever instance builds it.
/// </summary>
internal sealed partial class ExpiryIndexStartupService(
    IServiceProvider services, IOptions<ExpiryOptions> options, IHostApplicationLifetime lifetime, TimeProvider time,
    ILogger<ExpiryIndexStartupService> logger) : BackgroundService
{
    internal static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BuildAtStartup)
        {
            return;
        }

        await HostStarted.WaitAsync(lifetime, stoppingToken);
        var builder = services.GetRequiredService<ExpiryIndexBuilder>();
        var index = services.GetRequiredService<ExpiryIndex>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await builder.BuildIfAbsentAsync(stoppingToken);
                if ((await index.GetStatusAsync(stoppingToken)).IsReady)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogBuildFailed(ex, RetryDelay);
            }

            await Task.Delay(RetryDelay, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Building the expiry index failed; trying again in {RetryDelay}")]
    private partial void LogBuildFailed(Exception exception, TimeSpan retryDelay);
}
