using System.Text;
using KaizalaBot.Storage.Blobs;
using KaizalaBot.Storage.Tests.Infrastructure;
using KaizalaBot.Testing.Azurite;
using Microsoft.Extensions.Logging.Abstractions;

namespace KaizalaBot.Storage.Tests.Blobs;

[Collection(AzuriteGroup.Name)]
public sealed class BlobContainerClientTests(AzuriteFixture azurite)
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"a":1}""");
    private readonly BlobContainerClient _container = azurite.NewContainer();

    [Fact]
    public async Task CreateIfNotExistsAsync_Twice_CreatesThenReportsExisting()
    {
        var first = await _container.CreateIfNotExistsAsync(CancellationToken.None);

        var second = await _container.CreateIfNotExistsAsync(CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task UploadAsync_CreateOnlyOnExistingBlob_Throws409BlobAlreadyExists()
    {
        await _container.CreateIfNotExistsAsync(CancellationToken.None);
        await _container.UploadAsync("b", Body, "application/json", BlobRequestConditions.CreateOnly, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<BlobRequestFailedException>(
            () => _container.UploadAsync("b", Body, "application/json", BlobRequestConditions.CreateOnly, CancellationToken.None));

        Assert.Equal(409, ex.Status);
        Assert.Equal(BlobErrorCodes.BlobAlreadyExists, ex.ErrorCode);
    }

    [Fact]
    public async Task UploadAsync_StaleIfMatch_Throws412ConditionNotMet()
    {
        await _container.CreateIfNotExistsAsync(CancellationToken.None);
        var stale = await _container.UploadAsync("b", Body, "application/json", null, CancellationToken.None);
        await _container.UploadAsync("b", Body, "application/json", null, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<BlobRequestFailedException>(
            () => _container.UploadAsync("b", Body, "application/json", new BlobRequestConditions { IfMatch = stale }, CancellationToken.None));

        Assert.Equal(412, ex.Status);
        Assert.Equal(BlobErrorCodes.ConditionNotMet, ex.ErrorCode);
    }

    [Fact]
    public async Task DownloadAsync_Uploaded_ReturnsContentTypeETagAndBytes()
    {
        await _container.CreateIfNotExistsAsync(CancellationToken.None);
        var eTag = await _container.UploadAsync("dir/b.json", Body, "application/json", null, CancellationToken.None);

        var blob = await _container.DownloadAsync("dir/b.json", CancellationToken.None);

        Assert.NotNull(blob);
        Assert.Equal(eTag, blob.ETag);
        Assert.Equal("application/json", blob.ContentType);
        Assert.Equal(Body, blob.Content.ToArray());
    }

    [Fact]
    public async Task GetBlobNamesAsync_MoreThanOnePage_FollowsMarkersAndFiltersByPrefix()
    {
        await _container.CreateIfNotExistsAsync(CancellationToken.None);
        foreach (var name in new[] { "p/1", "p/2", "p/3", "p/4", "p/5", "q/1" })
        {
            await _container.UploadAsync(name, Body, "application/json", null, CancellationToken.None);
        }

        var names = new List<string>();
        await foreach (var name in _container.GetBlobNamesAsync("p/", pageSize: 2, CancellationToken.None))
        {
            names.Add(name);
        }

        Assert.Equal(["p/1", "p/2", "p/3", "p/4", "p/5"], names);
    }

    [Fact]
    public async Task DeleteBlobIfExistsAsync_MissingThenExisting_ReportsWhetherDeleted()
    {
        await _container.CreateIfNotExistsAsync(CancellationToken.None);
        await _container.UploadAsync("b", Body, "application/json", null, CancellationToken.None);

        var missing = await _container.DeleteBlobIfExistsAsync("nope", null, CancellationToken.None);
        var existing = await _container.DeleteBlobIfExistsAsync("b", null, CancellationToken.None);

        Assert.False(missing);
        Assert.True(existing);
        Assert.Null(await _container.DownloadAsync("b", CancellationToken.None));
    }

    [Fact]
    public async Task AcquireLeaseAsync_HeldByOther_ReturnsNullUntilReleased()
    {
        await _container.CreateIfNotExistsAsync(CancellationToken.None);
        await _container.UploadAsync("lock", ReadOnlyMemory<byte>.Empty, "application/octet-stream", null, CancellationToken.None);
        var first = Guid.NewGuid().ToString();
        var second = Guid.NewGuid().ToString();

        var acquired = await _container.AcquireLeaseAsync("lock", TimeSpan.FromSeconds(15), first, CancellationToken.None);
        var refused = await _container.AcquireLeaseAsync("lock", TimeSpan.FromSeconds(15), second, CancellationToken.None);
        var renewed = await _container.RenewLeaseAsync("lock", first, CancellationToken.None);
        var renewedByOther = await _container.RenewLeaseAsync("lock", second, CancellationToken.None);
        var released = await _container.ReleaseLeaseAsync("lock", first, CancellationToken.None);
        var afterRelease = await _container.AcquireLeaseAsync("lock", TimeSpan.FromSeconds(15), second, CancellationToken.None);

        Assert.Equal(first, acquired);
        Assert.Null(refused);
        Assert.True(renewed);
        Assert.False(renewedByOther);
        Assert.True(released);
        Assert.Equal(second, afterRelease);
    }

    [Fact]
    public async Task BreakLeaseAsync_ZeroPeriod_FreesLeaseAtOnce()
    {
        await _container.CreateIfNotExistsAsync(CancellationToken.None);
        await _container.UploadAsync("lock", ReadOnlyMemory<byte>.Empty, "application/octet-stream", null, CancellationToken.None);
        await _container.AcquireLeaseAsync("lock", TimeSpan.FromSeconds(60), Guid.NewGuid().ToString(), CancellationToken.None);

        await _container.BreakLeaseAsync("lock", TimeSpan.Zero, CancellationToken.None);

        var other = Guid.NewGuid().ToString();
        Assert.Equal(other, await _container.AcquireLeaseAsync("lock", TimeSpan.FromSeconds(15), other, CancellationToken.None));
    }

    [Fact]
    public async Task AcquireLeaseAsync_DurationOutsideServiceLimits_ThrowsBeforeAnyRequest()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _container.AcquireLeaseAsync("lock", TimeSpan.FromSeconds(10), Guid.NewGuid().ToString(), CancellationToken.None));
    }

    [Fact]
    public async Task CreateIfNotExistsAsync_WrongAccountKey_Throws403WithErrorCode()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        using var http = new HttpClient();
        var client = new BlobServiceClient(
            http,
            BlobConnectionString.Parse($"AccountName=devstoreaccount1;AccountKey={wrongKey};BlobEndpoint={azurite.BlobEndpoint}"),
            new BlobClientOptions(),
            TimeProvider.System,
            NullLogger<BlobServiceClient>.Instance);

        var ex = await Assert.ThrowsAsync<BlobRequestFailedException>(
            () => client.GetBlobContainerClient("denied").CreateIfNotExistsAsync(CancellationToken.None));

        Assert.Equal(403, ex.Status);
        Assert.Equal("AuthorizationFailure", ex.ErrorCode);
    }
}
