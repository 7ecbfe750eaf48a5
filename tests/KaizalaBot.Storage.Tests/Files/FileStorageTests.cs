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
}
