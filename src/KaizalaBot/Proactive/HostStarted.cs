namespace KaizalaBot.Proactive;

/// <summary>
/// Background work that calls Partner Center waits until the host listens: in Development the simulator is served by
/// this same host, and a scan started earlier would only meet refused connections.
/// </summary>
internal static class HostStarted
{
    public static async Task WaitAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
    }
}
