using System.Collections.Concurrent;
using System.Threading.Channels;
using KaizalaBot.Migration.Catalog;
using KaizalaBot.Migration.Diagnostics;
using KaizalaBot.Migration.PartnerCenterAccess;
using KaizalaBot.Migration.Planning;
using KaizalaBot.PartnerCenter;
using KaizalaBot.PartnerCenter.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Expiry;

/// <summary>
/// Reads every customer of the partner for Kaizala Pro subscriptions and writes what it finds to the
/// <see cref="ExpiryIndex"/>: customer pages one after the other, <c>Expiry:Concurrency</c> customers at once, every call
/// within the scan's partner-wide budget (<see cref="ScanPacer"/>) and the per-customer limiter. Per customer: its
/// subscriptions, and for a Kaizala customer its subscribed SKUs (assigned seats). Memory stays flat in the number of
/// customers: pages stream through a bounded channel and nothing is kept per customer but the ids it failed to read.
/// </summary>
public sealed partial class ExpiryScanner(
    IPartnerCenterClient client,
    TenantReader tenant,
    KaizalaDetector detector,
    CustomerRateLimiter customerLimiter,
    ScanPacer pacer,
    ExpiryIndex index,
    RecentCustomerReads recent,
    IOptions<ExpiryOptions> options,
    TimeProvider time,
    ILogger<ExpiryScanner> logger,
    MigrationTelemetry telemetry)
{
    private readonly ExpiryOptions _options = options.Value;

    /// <summary>
    /// Scans every customer. A customer that cannot be read keeps its previous entry and is counted as failed; a failure
    /// to list the customers themselves ends the scan with that exception, and the index keeps the last complete scan
    /// (nothing is swept, the status is not marked complete).
    /// </summary>
    public async Task<ExpiryScanResult> ScanAllAsync(CancellationToken cancellationToken)
    {
        var scanId = Guid.NewGuid().ToString("N");
        using var span = MigrationTelemetry.StartScan(scanId);
        var started = time.GetUtcNow();
        LogScanStarted(scanId);
        await index.MarkScanStartedAsync(started, cancellationToken);

        var failed = new ConcurrentDictionary<string, byte>(StringComparer.OrdinalIgnoreCase);
        var scanned = 0;
        var kaizala = 0;
        var customers = Channel.CreateBounded<Customer>(new BoundedChannelOptions(_options.Concurrency * 4) { SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Whichever part fails first stops the others, so a dead reader never leaves the lister blocked on a full channel.
        async Task RunOrStopAsync(Func<Task> part)
        {
            try
            {
                await part();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                await stop.CancelAsync();
                throw;
            }
        }

        var parts = Enumerable.Range(0, _options.Concurrency).Select(_ => Task.Run(() => RunOrStopAsync(async () =>
        {
            await foreach (var customer in customers.Reader.ReadAllAsync(stop.Token))
            {
                try
                {
                    if (await ScanCustomerAsync(customer, scanId, stop.Token))
                    {
                        Interlocked.Increment(ref kaizala);
                    }
                }
                catch (PartnerException ex)
                {
                    failed.TryAdd(customer.Id, 0);
                    LogCustomerFailed(customer.Id, ex.ErrorCategory, ex.ErrorCode);
                }

                Interlocked.Increment(ref scanned);
            }
        }), CancellationToken.None)).Append(RunOrStopAsync(() => ListCustomersAsync(customers.Writer, stop.Token)));
        await Task.WhenAll(parts);

        var removed = await index.SweepAsync(scanId, started, failed.ContainsKey, cancellationToken);
        var result = new ExpiryScanResult(scanId, scanned, kaizala, failed.Count, removed, time.GetUtcNow() - started);
        await index.MarkScanCompletedAsync(result, time.GetUtcNow(), cancellationToken);
        LogScanCompleted(scanId, scanned, kaizala, failed.Count, removed, result.Duration);
        telemetry.ScanCompleted(span, result);
        return result;
    }

    /// <summary>
    /// Reads one customer again now (after a migration, or when a seller opens it) and updates its entry; returns the
    /// entry, or null when the customer holds no Kaizala Pro. Not paced by the scan's budget: a seller is waiting.
    /// </summary>
    public async Task<ExpiryIndexEntry?> RefreshCustomerAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var existing = await index.ReadAsync(customerId, cancellationToken);
        var profile = existing is not null
            ? new CustomerCompanyProfile { CompanyName = existing.CompanyName, Domain = existing.Domain }
            : await ReadProfileAsync(customerId, cancellationToken);
        var entry = await ReadEntryAsync(customerId, profile, scanId: null, cancellationToken);
        if (entry is null)
        {
            await index.RemoveAsync(customerId, cancellationToken);
            return null;
        }

        await index.SaveAsync(entry, cancellationToken);
        return await index.ReadAsync(customerId, cancellationToken);
    }

    private async Task ListCustomersAsync(ChannelWriter<Customer> writer, CancellationToken cancellationToken)
    {
        await pacer.AcquireAsync(cancellationToken);
        SeekBasedResourceCollection<Customer>? page = await client.GetCustomersPageAsync(_options.PageSize, cancellationToken);
        while (page is not null)
        {
            foreach (var customer in page.Items)
            {
                await writer.WriteAsync(customer, cancellationToken);
            }

            await pacer.AcquireAsync(cancellationToken);
            page = await client.GetNextCustomersPageAsync(page, cancellationToken);
        }

        writer.Complete();
    }

    private async Task<bool> ScanCustomerAsync(Customer customer, string scanId, CancellationToken cancellationToken)
    {
        var entry = await ReadEntryAsync(customer.Id, customer.CompanyProfile, scanId, cancellationToken);
        if (entry is null)
        {
            return false;   // A former Kaizala customer's entry goes in the sweep at the end.
        }

        await index.SaveAsync(entry, cancellationToken);
        return true;
    }

    private async Task<ExpiryIndexEntry?> ReadEntryAsync(
        string customerId, CustomerCompanyProfile? profile, string? scanId, CancellationToken cancellationToken)
    {
        if (scanId is not null)
        {
            await pacer.AcquireAsync(cancellationToken);
        }

        var readAt = time.GetUtcNow();
        var subscriptions = await tenant.SubscriptionsAsync(customerId, cancellationToken);
        var kaizala = subscriptions.Where(detector.IsKaizalaSubscription).ToList();
        if (kaizala.Count == 0)
        {
            return null;
        }

        if (scanId is not null)
        {
            await pacer.AcquireAsync(cancellationToken);
        }

        var skus = await tenant.SubscribedSkusAsync(customerId, cancellationToken);
        if (scanId is null)
        {
            // A seller opening the customer (or a migration's end): the plan card a click later reuses this read.
            recent.Keep(new CustomerReads(customerId, subscriptions, skus, readAt));
        }

        return new ExpiryIndexEntry
        {
            CustomerId = customerId,
            CompanyName = profile?.CompanyName,
            Domain = profile?.Domain,
            Subscriptions = [.. kaizala.Select(s => tenant.Summarize(customerId, s, skus)).OrderBy(s => s.EndDate ?? DateTimeOffset.MaxValue)],
            ScannedAt = time.GetUtcNow(),
            ScanId = scanId,
        };
    }

    private async Task<CustomerCompanyProfile?> ReadProfileAsync(string customerId, CancellationToken cancellationToken)
    {
        await customerLimiter.AcquireAsync(customerId, cancellationToken);
        return (await client.GetCustomerAsync(customerId, cancellationToken)).CompanyProfile;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expiry scan {ScanId} started")]
    private partial void LogScanStarted(string scanId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Expiry scan {ScanId} completed: {Customers} customers, {Kaizala} with Kaizala Pro, {Failed} unreadable, {Removed} entries removed, in {Duration}")]
    private partial void LogScanCompleted(string scanId, int customers, int kaizala, int failed, int removed, TimeSpan duration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiry scan could not read customer {CustomerId} ({Category}, code {ErrorCode}); its previous entry is kept")]
    private partial void LogCustomerFailed(string customerId, PartnerErrorCategory category, string? errorCode);
}
