using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using KaizalaBot.Storage.Blobs;
using KaizalaBot.Storage.Leases;
using KaizalaBot.Storage.Tests.Infrastructure;
using KaizalaBot.Testing;
using KaizalaBot.Testing.Azurite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace KaizalaBot.Storage.Tests.Leases;

/// <summary>
/// Blob leases on Azurite through the SDK's lease client. Renewals are driven by the fake clock (they are real calls to
/// Azurite); a lapse is a break with no break period, which frees the lease as its expiry would, without waiting 15 s.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class BlobLeaseManagerTests(AzuriteFixture azurite) : LeaseManagerContractTests
{
    private readonly BlobContainerClient _container = azurite.NewContainer();
    private BlobStorage? _storage;

    protected override IStorage Storage => _storage ??= new BlobStorage(_container);

    [Fact]
    public async Task Renewal_AcceptedByTheService_KeepsTheLease()
    {
        await using var holder = await NewManager().TryAcquireAsync("job", TimeSpan.FromSeconds(15), CancellationToken.None);
        Assert.NotNull(holder);

        for (var i = 0; i < 3; i++)
        {
            await Time.WaitForTimersAsync(1);
            Time.Advance(TimeSpan.FromSeconds(5));
        }

        await Time.WaitForTimersAsync(1);
        var other = await NewManager().TryAcquireAsync("job", TimeSpan.FromSeconds(15), CancellationToken.None);

        Assert.False(holder.LeaseLost.IsCancellationRequested);
        Assert.Null(other);
    }

    [Fact]
    public async Task Renewal_LeaseBrokenAndTakenByAnother_FiresLeaseLost()
    {
        await using var holder = await NewManager().TryAcquireAsync("job", TimeSpan.FromSeconds(15), CancellationToken.None);
        Assert.NotNull(holder);
        await BreakAsync("job");
        await using var next = await NewManager().TryAcquireAsync("job", TimeSpan.FromSeconds(15), CancellationToken.None);

        await Time.WaitForTimersAsync(1);
        Time.Advance(TimeSpan.FromSeconds(5));

        await holder.LeaseLost.UntilCancelledAsync("LeaseLost after the renewal was refused");
        Assert.NotNull(next);
    }

    // Crash run 45: once the SDK has spent its retries on failed attempts it throws an AggregateException ("Retry failed
    // after 5 tries"), not the RequestFailedException of one attempt. The renewal loop must take it as the outage it is:
    // keep the lease while it has not expired, then say it is lost. It used to end the loop silently (no LeaseLost ever),
    // and disposing the lease then threw, which left the runner holding the migration forever.
    [Fact]
    public async Task Renewal_StorageUnreachableUntilExpiry_SdkRetriesSpent_FiresLeaseLostAndDisposeReturns()
    {
        var (outage, logger, holder) = await HeldThenStorageDownAsync();
        using var handler = outage;

        // Two renewals (at 5 and 10 s) fail through all five of the SDK's attempts; the lease has not expired yet.
        for (var renewal = 1; renewal <= 2; renewal++)
        {
            await Time.WaitForTimersAsync(1);
            Time.Advance(TimeSpan.FromSeconds(5));
            await outage.RefusedAsync(5);
            await Time.WaitForTimersAsync(1).WithinAsync($"the renewal loop to wait again after failed renewal {renewal}");
            Assert.False(holder.LeaseLost.IsCancellationRequested);
        }

        Time.Advance(TimeSpan.FromSeconds(5));

        await holder.LeaseLost.UntilCancelledAsync("LeaseLost once the lease expired unrenewed");
        await holder.DisposeAsync().AsTask().WithinAsync("the lease to dispose");
        Assert.Equal(15, outage.Refused);   // three renewals, each through the SDK's five attempts
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Message == "Renewing lease job failed; retrying before it expires" && r.Exception is AggregateException);
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Message == "Lease job lost: renewals failed until it expired");
    }

    [Fact]
    public async Task DisposeAsync_StorageUnreachable_SdkRetriesSpent_ReturnsAndSaysTheLeaseWillExpire()
    {
        var (outage, logger, holder) = await HeldThenStorageDownAsync();
        using var handler = outage;

        await holder.DisposeAsync().AsTask().WithinAsync("the lease to dispose");

        Assert.True(holder.LeaseLost.IsCancellationRequested);
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Message == "Releasing lease job failed; it will expire by itself" && r.Exception is AggregateException);
    }

    [Fact]
    public async Task TryAcquireAsync_Lease_IsTheServicesLeaseWithTheHolderIdAsLeaseId()
    {
        await using var holder = await NewManager().TryAcquireAsync("Migration/Contoso é", TimeSpan.FromSeconds(15), CancellationToken.None);
        Assert.NotNull(holder);

        var properties = await _container.GetBlobClient("leases/Migration_2fContoso_20_c3_a9").GetPropertiesAsync();

        Assert.Equal(Azure.Storage.Blobs.Models.LeaseState.Leased, properties.Value.LeaseState);
        Assert.Equal(Azure.Storage.Blobs.Models.LeaseDurationType.Fixed, properties.Value.LeaseDuration);
        await Assert.ThrowsAsync<Azure.RequestFailedException>(
            () => _container.GetBlobClient("leases/Migration_2fContoso_20_c3_a9").GetBlobLeaseClient(Guid.NewGuid().ToString()).ReleaseAsync());
        await _container.GetBlobClient("leases/Migration_2fContoso_20_c3_a9").GetBlobLeaseClient(holder.HolderId).RenewAsync();
    }

    /// <summary>A 15 s lease taken through a Blob client whose storage account then stops answering.</summary>
    private async Task<(OutageHandler Outage, FakeLogger<BlobLeaseManager> Logger, ILease Holder)> HeldThenStorageDownAsync()
    {
        var outage = new OutageHandler();
        var logger = new FakeLogger<BlobLeaseManager>();
        var holder = await new BlobLeaseManager(azurite.NewContainer(outage), Time, logger).TryAcquireAsync("job", TimeSpan.FromSeconds(15), CancellationToken.None);
        Assert.NotNull(holder);
        outage.Down = true;
        return (outage, logger, holder);
    }

    protected override ILeaseManager NewManager() => new BlobLeaseManager(_container, Time, NullLogger<BlobLeaseManager>.Instance);

    private protected override async Task LapseAsync(RenewingLease lease)
    {
        await lease.AbandonAsync();
        await BreakAsync(lease.Name);
    }

    private async Task BreakAsync(string name) =>
        await _container.GetBlobClient(BlobLeaseManager.BlobNameOf(name)).GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
}
