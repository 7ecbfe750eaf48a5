using System.Text.Json;
using KaizalaBot.BotFramework.Testing;
using KaizalaBot.Storage;

namespace KaizalaBot.BotFramework.Tests.Testing;

public sealed class MemoryStorageTests
{
    private static readonly JsonElement Doc = JsonSerializer.SerializeToElement(new { a = 1 });

    [Fact]
    public async Task WriteAsync_CreateOnlyOnExistingKey_ThrowsAndKeepsDocument()
    {
        var storage = new MemoryStorage();
        var eTag = await storage.WriteAsync("k", Doc, WriteCondition.CreateOnly, Ct.Bounded());

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            storage.WriteAsync("k", JsonSerializer.SerializeToElement(new { a = 2 }), WriteCondition.CreateOnly, Ct.Bounded()));

        var stored = await storage.ReadAsync("k", Ct.Bounded());
        Assert.Equal(eTag, stored!.ETag);
        Assert.Equal(1, stored.Content.GetProperty("a").GetInt32());
    }

    [Fact]
    public async Task WriteAsync_IfMatchStaleETag_Throws()
    {
        var storage = new MemoryStorage();
        var first = await storage.WriteAsync("k", Doc, WriteCondition.CreateOnly, Ct.Bounded());
        await storage.WriteAsync("k", Doc, WriteCondition.IfMatch(first), Ct.Bounded());

        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync("k", Doc, WriteCondition.IfMatch(first), Ct.Bounded()));
    }

    [Fact]
    public async Task ListKeysAsync_Prefix_ReturnsMatchingKeysInOrdinalOrder()
    {
        var storage = new MemoryStorage();
        foreach (var key in new[] { "msteams/users/b", "msteams/conversations/x", "msteams/users/a" })
        {
            await storage.WriteAsync(key, Doc, WriteCondition.Unconditional, Ct.Bounded());
        }

        var keys = new List<string>();
        await foreach (var key in storage.ListKeysAsync("msteams/users/", Ct.Bounded()))
        {
            keys.Add(key);
        }

        Assert.Equal(["msteams/users/a", "msteams/users/b"], keys);
    }
}
