using KaizalaBot.Storage.Leases;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.Migration.Expiry;

/// <summary>
/// Runs full scans one instance at a time (a lease named <see cref="LeaseName"/>), and only when the index is older than
/// the caller accepts: at start-up "when absent", from the reminder schedule "when older than the scan interval".
/// </summary>
public sealed partial class ExpiryIndexBuilder(
    ExpiryScanner scanner, ExpiryIndex index, ILeaseManager leases, TimeProvider time, ILogger<ExpiryIndexBuilder> logger)
{
    public const string LeaseName = "expiry-scan";

    // The longest a Blob lease may be taken for; it is renewed while the scan runs.
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Scans when no complete scan is younger than <paramref name="maxAge"/>. Returns null when it did not scan: another
    /// instance is scanning, or the index is recent enough. Stops if the lease is lost.
    /// </summary>
    public async Task<ExpiryScanResult?> ScanIfDueAsync(TimeSpan maxAge, CancellationToken cancellationToken)
    {
        await using var lease = await leases.TryAcquireAsync(LeaseName, LeaseDuration, cancellationToken);
        if (lease is null)
        {
            LogScanHeldElsewhere();
            return null;
        }

        // Read under the lease: an instance that just finished a scan has already marked it.
        var status = await index.GetStatusAsync(cancellationToken);
        if (status.LastCompletedAt is { } last && time.GetUtcNow() - last < maxAge)
        {
            return null;
        }

        using var scan = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.LeaseLost);
        return await scanner.ScanAllAsync(scan.Token);
    }

    /// <summary>Builds the index when no full scan ever completed.</summary>
    public Task<ExpiryScanResult?> BuildIfAbsentAsync(CancellationToken cancellationToken) =>
        ScanIfDueAsync(TimeSpan.MaxValue, cancellationToken);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another instance holds the expiry scan; not scanning here")]
    private partial void LogScanHeldElsewhere();
}
