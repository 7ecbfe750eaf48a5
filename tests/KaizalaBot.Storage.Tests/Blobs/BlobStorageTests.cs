using System.Text.Json;
using Azure.Storage.Blobs;
using KaizalaBot.Storage.Blobs;
using KaizalaBot.Storage.Tests.Infrastructure;
using KaizalaBot.Testing.Azurite;

namespace KaizalaBot.Storage.Tests.Blobs;

[Collection(AzuriteGroup.Name)]
public sealed class BlobStorageTests(AzuriteFixture azurite) : StorageContractTests
{
    private readonly BlobContainerClient _container = azurite.NewContainer();
    private BlobStorage? _storage;

    protected override IStorage Storage => _storage ??= new BlobStorage(_container);

    [Fact]
    public async Task UpdateAsync_SixteenWritersTwoHundredIncrementsEach_EndWithExactTotal()
    {
        const int Writers = 16;
        const int Increments = 200;
        var json = JsonSerializerOptions.Default;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < Increments; i++)
            {
                await Storage.UpdateAsync<int>("counter", n => n + 1, json, TimeProvider.System, CancellationToken.None);
            }
        })));

        var total = await Storage.ReadAsync<int>("counter", json, CancellationToken.None);
        Assert.Equal(Writers * Increments, total?.Value);
    }

    [Fact]
    public async Task ReadAsync_ContainerMissing_CreatesItOnFirstUse()
    {
        Assert.False((await _container.ExistsAsync()).Value);

        var document = await Storage.ReadAsync("k", CancellationToken.None);

        Assert.Null(document);
        Assert.True((await _container.ExistsAsync()).Value);
    }

    [Fact]
    public async Task WriteAsync_Document_StoredAsJsonBlobUnderEscapedNameWithTheReturnedETag()
    {
        var eTag = await Storage.WriteAsync("user/Ann é", Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);

        var blob = (await _container.GetBlobClient("user_2fAnn_20_c3_a9").DownloadContentAsync()).Value;

        Assert.Equal("application/json", blob.Details.ContentType);
        Assert.Equal("""{"v":1}""", blob.Content.ToString());
        Assert.Equal(eTag, blob.Details.ETag.ToString());
    }

    [Fact]
    public async Task WriteAsync_KeyEscapingBeyondBlobNameLimit_IsStoredUnderABoundedDigestName()
    {
        var key = new string('/', 400);

        await Storage.WriteAsync(key, Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);

        Assert.Equal(1, (await Storage.ReadAsync(key, CancellationToken.None))?.Content.GetProperty("v").GetInt32());
        Assert.Null(await Storage.ReadAsync(key + "/", CancellationToken.None));
        var blob = Assert.Single(await _container.GetBlobsAsync(cancellationToken: CancellationToken.None).ToListAsync());
        Assert.True(blob.Name.Length <= StorageKeyEscaper.MaxEscapedLength, blob.Name);
    }

    [Fact]
    public async Task ListKeysAsync_KeyStoredUnderADigestName_IsListedUnderItsPrefix()
    {
        var longKey = "conversations/" + new string('/', 400);
        await Storage.WriteAsync(longKey, Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);
        await Storage.WriteAsync("conversations/short", Doc(new { v = 2 }), WriteCondition.CreateOnly, CancellationToken.None);
        await Storage.WriteAsync("other", Doc(new { v = 3 }), WriteCondition.CreateOnly, CancellationToken.None);

        var keys = await ListAsync("conversations/");

        Assert.Equal([longKey, "conversations/short"], keys);
    }

    [Fact]
    public async Task ListKeysAsync_LeaseBlobsInContainer_AreNotKeys()
    {
        await Storage.WriteAsync("job", Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);
        await _container.GetBlobClient("leases/job").UploadAsync(BinaryData.Empty);

        var keys = await ListAsync(string.Empty);

        Assert.Equal(["job"], keys);
    }
}
