using System.Globalization;
using System.Text.Json;
using KaizalaBot.Storage.Files;
using KaizalaBot.Storage.Tests.Infrastructure;
using KaizalaBot.Testing;

namespace KaizalaBot.Storage.Tests.Files;

public sealed class FileStorageTests : StorageContractTests, IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly FileStorage _storage;

    public FileStorageTests()
    {
        _storage = new FileStorage(_root.Path, TimeProvider.System);
    }

    protected override IStorage Storage => _storage;

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task WriteAsync_KeyLongerThanAFileName_RoundTrips()
    {
        var key = string.Concat(Enumerable.Repeat("Ab/é.", 120));

        var eTag = await _storage.WriteAsync(key, Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);

        var document = await _storage.ReadAsync(key, CancellationToken.None);
        Assert.Equal(eTag, document?.ETag);
        Assert.Equal([key], await ListAsync("Ab/"));
        Assert.All(
            Directory.EnumerateFileSystemEntries(_root.Path, "*", SearchOption.AllDirectories),
            entry => Assert.True(Path.GetFileName(entry).Length <= 255, entry));
    }

    [Fact]
    public async Task WriteAsync_KeysOfAnyLength_AreStoredUnderBoundedPathsReadListedAndDeleted()
    {
        // Ids from requests end up in keys; these escape to 12,000+ characters, far past PATH_MAX in full.
        var prefix = "installations/tenant/conversations/";
        var first = prefix + new string('é', 1000) + "1";
        var second = prefix + new string('é', 1000) + "2";
        var emoji = prefix + string.Concat(Enumerable.Repeat("🚀", 2000));

        foreach (var (key, i) in new[] { first, second, emoji }.Select((k, i) => (k, i)))
        {
            await _storage.WriteAsync(key, Doc(new { v = i }), WriteCondition.CreateOnly, CancellationToken.None);
        }

        Assert.Equal(1, (await _storage.ReadAsync(second, CancellationToken.None))?.Content.GetProperty("v").GetInt32());
        Assert.Equal(new[] { first, second, emoji }.Order(StringComparer.Ordinal), await ListAsync(prefix));
        Assert.All(
            Directory.EnumerateFiles(Path.Combine(_root.Path, "data"), "*", SearchOption.AllDirectories),
            file => Assert.True(Path.GetRelativePath(_root.Path, file).Length <= StorageKeyEscaper.MaxEscapedLength + 30, file));

        await _storage.DeleteAsync(first, WriteCondition.Unconditional, CancellationToken.None);
        Assert.Equal(new[] { second, emoji }.Order(StringComparer.Ordinal), await ListAsync(prefix));
    }

    [Fact]
    public async Task WriteAsync_Completed_LeavesNoTemporaryFiles()
    {
        for (var i = 0; i < 5; i++)
        {
            await _storage.WriteAsync("k", Doc(new { v = i }), WriteCondition.Unconditional, CancellationToken.None);
        }

        var tempFiles = Directory.Exists(Path.Combine(_root.Path, "tmp"))
            ? Directory.GetFiles(Path.Combine(_root.Path, "tmp"))
            : [];

        Assert.Empty(tempFiles);
        Assert.Single(Directory.GetFiles(Path.Combine(_root.Path, "data"), "*.json", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ListKeysAsync_ForeignFilesInDataFolder_AreIgnored()
    {
        await _storage.WriteAsync("k", Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(_root.Path, "data", "README.txt"), "not a document");
        await File.WriteAllTextAsync(Path.Combine(_root.Path, "data", "Not_Escaped!.json"), "{}");

        var keys = await ListAsync(string.Empty);

        Assert.Equal(["k"], keys);
    }

    [Fact]
    public async Task WriteAsync_ContentWithEscapesAndNonAscii_IsStoredAsTheEnvelopeAndReadBackEqual()
    {
        var content = JsonDocument.Parse("""{"text":"Café \"quoted\" \u2028 <b>&</b>","nested":{"list":[1,2.5,null,true]},"empty":""}""").RootElement;

        var eTag = await _storage.WriteAsync("conversation/é", content, WriteCondition.CreateOnly, CancellationToken.None);

        var stored = JsonDocument.Parse(await File.ReadAllBytesAsync(DataFile())).RootElement;
        Assert.Equal("conversation/é", stored.GetProperty("key").GetString());
        Assert.Equal(eTag, stored.GetProperty("eTag").GetString());
        Assert.True(JsonElement.DeepEquals(content, stored.GetProperty("content")));
        var read = await _storage.ReadAsync("conversation/é", CancellationToken.None);
        Assert.True(JsonElement.DeepEquals(content, read!.Content));
    }

    [Fact]
    public async Task WriteAsync_FileWrittenWithTheETagAfterTheContent_ChecksThatETag()
    {
        // The ETag check reads only up to the ETag; a file whose properties come in another order is still checked.
        await _storage.WriteAsync("k", Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);
        await File.WriteAllTextAsync(DataFile(), """{"content":{"v":1,"eTag":"inner"},"key":"k","eTag":"outer"}""");

        await Assert.ThrowsAsync<StorageConflictException>(
            () => _storage.WriteAsync("k", Doc(new { v = 2 }), WriteCondition.IfMatch("inner"), CancellationToken.None));
        Assert.Equal(1, (await _storage.ReadAsync("k", CancellationToken.None))?.Content.GetProperty("v").GetInt32());

        await _storage.WriteAsync("k", Doc(new { v = 3 }), WriteCondition.IfMatch("outer"), CancellationToken.None);
        Assert.Equal(3, (await _storage.ReadAsync("k", CancellationToken.None))?.Content.GetProperty("v").GetInt32());
    }

    [Fact]
    public async Task WriteAsync_FileWithoutAnETag_ThrowsInvalidDataAndLeavesTheFile()
    {
        await _storage.WriteAsync("k", Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);
        await File.WriteAllTextAsync(DataFile(), """{"key":"k","content":{"v":1}}""");

        await Assert.ThrowsAsync<InvalidDataException>(
            () => _storage.WriteAsync("k", Doc(new { v = 2 }), WriteCondition.Unconditional, CancellationToken.None));
        Assert.Equal("""{"key":"k","content":{"v":1}}""", await File.ReadAllTextAsync(DataFile()));
    }

    [Fact]
    public async Task WriteAsync_StoreFoldersRemovedBetweenWrites_CreatesThemAgain()
    {
        // The folders are created when a write finds them missing, not checked before every write.
        var first = await _storage.WriteAsync("a/b", Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);
        foreach (var folder in new[] { "data", "tmp", "locks" })
        {
            Directory.Delete(Path.Combine(_root.Path, folder), recursive: true);
        }

        var second = await _storage.WriteAsync("a/b", Doc(new { v = 2 }), WriteCondition.CreateOnly, CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(2, (await _storage.ReadAsync("a/b", CancellationToken.None))?.Content.GetProperty("v").GetInt32());
    }

    [Fact]
    public async Task UpdateAsync_WritersInSeveralProcesses_EndWithExactTotal()
    {
        const int Processes = 3;
        const int IncrementsEach = 40;
        var json = JsonSerializerOptions.Default;

        var helpers = Enumerable.Range(0, Processes)
            .Select(_ => HelperProcess.RunAsync(
                TimeSpan.FromMinutes(2), "increment", _root.Path, "shared/counter", IncrementsEach.ToString(CultureInfo.InvariantCulture)))
            .ToArray();
        var local = Task.Run(async () =>
        {
            for (var i = 0; i < IncrementsEach; i++)
            {
                await _storage.UpdateAsync<int>("shared/counter", n => n + 1, json, TimeProvider.System, CancellationToken.None);
            }
        });
        var results = await Task.WhenAll(helpers);
        await local;

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Output));
        var total = await _storage.ReadAsync<int>("shared/counter", json, CancellationToken.None);
        Assert.Equal((Processes + 1) * IncrementsEach, total?.Value);
    }

    private string DataFile() => Assert.Single(Directory.GetFiles(Path.Combine(_root.Path, "data"), "*.json", SearchOption.AllDirectories));
}
