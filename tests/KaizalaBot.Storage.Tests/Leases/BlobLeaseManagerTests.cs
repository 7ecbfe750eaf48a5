using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using KaizalaBot.Storage.Blobs;
using KaizalaBot.Storage.Leases;
using KaizalaBot.Storage.Tests.Infrastructure;
using KaizalaBot.Testing;
using KaizalaBot.Testing.Azurite;
using Microsoft.Extensions.Logging.Abstractions;

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

    protected override ILeaseManager NewManager() => new BlobLeaseManager(_container, Time, NullLogger<BlobLeaseManager>.Instance);

    private protected override async Task LapseAsync(RenewingLease lease)
    {
        await lease.AbandonAsync();
        await BreakAsync(lease.Name);
    }

    private async Task BreakAsync(string name) =>
        await _container.GetBlobClient(BlobLeaseManager.BlobNameOf(name)).GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
}
