using KaizalaBot.Migration.Expiry;
using KaizalaBot.Storage.Leases;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Reminders;

/// <summary>
/// The reminder schedule, on the injected <see cref="TimeProvider"/>: every <c>PollInterval</c> the instance holding the
/// <see cref="LeaseName"/> lease scans Partner Center when the index is older than <c>ScanInterval</c>, looks for due
/// reminders after a scan or every <c>PlanInterval</c> (lead times are crossed as time passes, snoozes end), and delivers
/// what is queued. Other instances wait their turn. The host wraps <see cref="RunAsync"/> in a BackgroundService; tests
/// drive <see cref="RunOnceAsync"/>.
/// </summary>
public sealed partial class ReminderWorker(
    ExpiryIndexBuilder scans,
    ExpiryIndex index,
    ReminderPlanner planner,
    ReminderDispatcher dispatcher,
    ReminderStore store,
    ILeaseManager leases,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderWorker> logger) : IDisposable
{
    public const string LeaseName = "reminders";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    private readonly ReminderOptions _options = options.Value;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private int _scanRequested;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(Interlocked.Exchange(ref _scanRequested, 0) == 1, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogCycleFailed(ex);   // Partner Center or storage hiccup: the next cycle tries again
            }

            await Task.WhenAny(Task.Delay(_options.PollInterval, time, stoppingToken), _wake.WaitAsync(stoppingToken));
        }
    }

    /// <summary>Asks the running loop for a cycle now, with a fresh scan (the Development "scan now").</summary>
    public void RequestScanNow()
    {
        Interlocked.Exchange(ref _scanRequested, 1);
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    /// <summary>One cycle, if this instance gets the lease (null otherwise).</summary>
    public async Task<ReminderCycleResult?> RunOnceAsync(bool scanNow, CancellationToken cancellationToken)
    {
        await using var lease = await leases.TryAcquireAsync(LeaseName, LeaseDuration, cancellationToken);
        if (lease is null)
        {
            return null;
        }

        using var cycle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.LeaseLost);
        var scan = await scans.ScanIfDueAsync(scanNow ? TimeSpan.Zero : _options.ScanInterval, cycle.Token);

        ReminderPlanResult? plan = null;
        var lastPlanned = await store.ReadLastPlannedAsync(cycle.Token);
        var planDue = scan is not null || scanNow || lastPlanned is not { } last || time.GetUtcNow() - last >= _options.PlanInterval;
        if (planDue && (await index.GetStatusAsync(cycle.Token)).IsReady)
        {
            var started = time.GetUtcNow();
            plan = await planner.PlanAsync(cycle.Token);
            await store.WriteLastPlannedAsync(started, cycle.Token);
        }

        var dispatch = await dispatcher.DispatchAsync(cycle.Token);
        return new ReminderCycleResult(scan, plan, dispatch);
    }

    public void Dispose() => _wake.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reminder cycle failed; the next one tries again")]
    private partial void LogCycleFailed(Exception exception);
}
