using System.Text.Json;

namespace KaizalaBot.Storage.Tests;

/// <summary>
/// The behaviour every <see cref="IStorage"/> backend must share; one derived class per backend runs it
/// (MemoryStorageTests, FileStorageTests, BlobStorageTests).
/// </summary>
public abstract class StorageContractTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] OddKeyList =
    [
        "!@#$%^&*()~/\\><,.?';\"`~",
        "ünïcödé-日本語-🚀",
        "..",
        ".",
        "/",
        "/leading",
        "trailing/",
        "a/../b",
        "a//b",
        "CON",
        "nul.txt",
        "  spaced key  ",
        "tab\tand\nnewline",
        "a/b",
        "a%2Fb",
        "a_b",
        "a_2fb",
        "A",
        "a",
        new string('x', 1000),
    ];

    public static TheoryData<string> OddKeys => new(OddKeyList);

    protected abstract IStorage Storage { get; }

    [Fact]
    public async Task ReadAsync_MissingKey_ReturnsNull()
    {
        var document = await Storage.ReadAsync("missing", CancellationToken.None);

        Assert.Null(document);
    }

    [Fact]
    public async Task WriteAsync_NewKey_ReadReturnsContentAndSameETag()
    {
        var eTag = await Storage.WriteAsync("conversation/1", Doc(new { name = "Contoso", seats = 25 }), WriteCondition.CreateOnly, CancellationToken.None);

        var document = await Storage.ReadAsync("conversation/1", CancellationToken.None);

        Assert.NotNull(document);
        Assert.Equal("conversation/1", document.Key);
        Assert.Equal(eTag, document.ETag);
        Assert.Equal("Contoso", document.Content.GetProperty("name").GetString());
        Assert.Equal(25, document.Content.GetProperty("seats").GetInt32());
    }

    [Fact]
    public async Task WriteAsync_CreateOnlyOnExistingKey_ThrowsConflictAndKeepsDocument()
    {
        var eTag = await Storage.WriteAsync("k", Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<StorageConflictException>(
            () => Storage.WriteAsync("k", Doc(new { v = 2 }), WriteCondition.CreateOnly, CancellationToken.None));

        Assert.Equal("k", ex.Key);
        await AssertStoredAsync("k", 1, eTag);
    }

    [Fact]
    public async Task WriteAsync_IfMatchWithStaleETag_ThrowsConflictAndKeepsDocument()
    {
        var stale = await Storage.WriteAsync("k", Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);
        var current = await Storage.WriteAsync("k", Doc(new { v = 2 }), WriteCondition.IfMatch(stale), CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(
            () => Storage.WriteAsync("k", Doc(new { v = 3 }), WriteCondition.IfMatch(stale), CancellationToken.None));

        await AssertStoredAsync("k", 2, current);
    }

    [Fact]
    public async Task WriteAsync_IfMatchOnMissingKey_ThrowsConflictAndCreatesNothing()
    {
        var eTag = await Storage.WriteAsync("other", Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(
            () => Storage.WriteAsync("k", Doc(new { v = 1 }), WriteCondition.IfMatch(eTag), CancellationToken.None));

        Assert.Null(await Storage.ReadAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_StarETag_OverwritesUnconditionally()
    {
        await Storage.WriteAsync("k", Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);

        var eTag = await Storage.WriteAsync("k", Doc(new { v = 2 }), WriteCondition.IfMatch("*"), CancellationToken.None);

        await AssertStoredAsync("k", 2, eTag);
    }

    [Fact]
    public async Task WriteAsync_Unconditional_CreatesMissingKey()
    {
        var eTag = await Storage.WriteAsync("k", Doc(new { v = 7 }), WriteCondition.Unconditional, CancellationToken.None);

        await AssertStoredAsync("k", 7, eTag);
    }

    [Fact]
    public async Task WriteAsync_EveryWrite_ReturnsNewETag()
    {
        var eTags = new List<string>
        {
            await Storage.WriteAsync("k", Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None),
        };
        eTags.Add(await Storage.WriteAsync("k", Doc(new { v = 1 }), WriteCondition.IfMatch(eTags[^1]), CancellationToken.None));
        eTags.Add(await Storage.WriteAsync("k", Doc(new { v = 1 }), WriteCondition.Unconditional, CancellationToken.None));
        await Storage.DeleteAsync("k", WriteCondition.Unconditional, CancellationToken.None);
        eTags.Add(await Storage.WriteAsync("k", Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None));

        var read = await Storage.ReadAsync("k", CancellationToken.None);

        Assert.Equal(eTags.Count, eTags.Distinct().Count());
        Assert.Equal(eTags[^1], read?.ETag);
    }

    [Fact]
    public async Task DeleteAsync_MissingKey_Succeeds()
    {
        await Storage.DeleteAsync("missing", WriteCondition.Unconditional, CancellationToken.None);

        Assert.Null(await Storage.ReadAsync("missing", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_StaleETag_ThrowsConflictAndKeepsDocument()
    {
        var stale = await Storage.WriteAsync("k", Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);
        var current = await Storage.WriteAsync("k", Doc(new { v = 2 }), WriteCondition.Unconditional, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(
            () => Storage.DeleteAsync("k", WriteCondition.IfMatch(stale), CancellationToken.None));

        await AssertStoredAsync("k", 2, current);
    }

    [Fact]
    public async Task DeleteAsync_CurrentETag_RemovesDocument()
    {
        var eTag = await Storage.WriteAsync("k", Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);

        await Storage.DeleteAsync("k", WriteCondition.IfMatch(eTag), CancellationToken.None);

        Assert.Null(await Storage.ReadAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_ETagOnMissingKey_ThrowsConflict()
    {
        var eTag = await Storage.WriteAsync("k", Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);
        await Storage.DeleteAsync("k", WriteCondition.Unconditional, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(
            () => Storage.DeleteAsync("k", WriteCondition.IfMatch(eTag), CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_CreateOnlyCondition_ThrowsArgumentExceptionAndKeepsDocument()
    {
        var eTag = await Storage.WriteAsync("k", Doc(new { v = 1 }), WriteCondition.CreateOnly, CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(
            () => Storage.DeleteAsync("k", WriteCondition.CreateOnly, CancellationToken.None));

        await AssertStoredAsync("k", 1, eTag);
    }

    [Fact]
    public async Task WriteAsync_EmptyKey_ThrowsArgumentException()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => Storage.WriteAsync(string.Empty, Doc(new { v = 1 }), WriteCondition.Unconditional, CancellationToken.None));

        Assert.Empty(await ListAsync(string.Empty));
    }

    [Fact]
    public async Task WriteAsync_DefaultJsonElement_ThrowsArgumentExceptionAndWritesNothing()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => Storage.WriteAsync("k", default, WriteCondition.Unconditional, CancellationToken.None));

        Assert.Null(await Storage.ReadAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_KeyWithUnpairedSurrogate_ThrowsArgumentExceptionAndWritesNothing()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => Storage.WriteAsync("bad\uD800key", Doc(new { v = 1 }), WriteCondition.Unconditional, CancellationToken.None));

        Assert.Empty(await ListAsync(string.Empty));
    }

    [Theory]
    [MemberData(nameof(OddKeys))]
    public async Task WriteAsync_OddKey_RoundTripsAndLists(string key)
    {
        var eTag = await Storage.WriteAsync(key, Doc(new { key }), WriteCondition.CreateOnly, CancellationToken.None);

        var document = await Storage.ReadAsync(key, CancellationToken.None);
        var listed = await ListAsync(string.Empty);

        Assert.NotNull(document);
        Assert.Equal(key, document.Key);
        Assert.Equal(eTag, document.ETag);
        Assert.Equal(key, document.Content.GetProperty("key").GetString());
        Assert.Equal([key], listed);
    }

    [Fact]
    public async Task WriteAsync_AllOddKeysTogether_DoNotCollide()
    {
        var keys = OddKeyList;
        foreach (var key in keys)
        {
            await Storage.WriteAsync(key, Doc(new { key }), WriteCondition.CreateOnly, CancellationToken.None);
        }

        var listed = await ListAsync(string.Empty);

        Assert.Equal(keys.Order(StringComparer.Ordinal), listed);
        foreach (var key in keys)
        {
            var document = await Storage.ReadAsync(key, CancellationToken.None);
            Assert.Equal(key, document?.Content.GetProperty("key").GetString());
        }
    }

    [Fact]
    public async Task ListKeysAsync_Prefix_ReturnsExactlyMatchingKeysInOrdinalOrder()
    {
        string[] matching = ["user/1", "user/10", "user/2", "user/Z", "user/_", "user/%2F", "user/é", "user/", "user/a/b"];
        string[] others = ["user", "users/x", "User/3", "use", "userX", "a/user/1", "user\\1", "user%2F1", "user_1"];
        foreach (var key in matching.Concat(others))
        {
            await Storage.WriteAsync(key, Doc(new { key }), WriteCondition.Unconditional, CancellationToken.None);
        }

        var listed = await ListAsync("user/");

        Assert.Equal(matching.Order(StringComparer.Ordinal), listed);
    }

    [Fact]
    public async Task ListKeysAsync_NoMatch_ReturnsEmpty()
    {
        await Storage.WriteAsync("conversation/1", Doc(new { v = 1 }), WriteCondition.Unconditional, CancellationToken.None);

        var listed = await ListAsync("migration/");

        Assert.Empty(listed);
    }

    [Fact]
    public async Task UpdateAsync_ConcurrentReadModifyWrite_EndsWithExactTotal()
    {
        const int Writers = 8;
        const int Increments = 50;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < Increments; i++)
            {
                await Storage.UpdateAsync<int>("counter", n => n + 1, Json, TimeProvider.System, CancellationToken.None);
            }
        })));

        var total = await Storage.ReadAsync<int>("counter", Json, CancellationToken.None);
        Assert.Equal(Writers * Increments, total?.Value);
    }

    protected static JsonElement Doc(object value) => JsonSerializer.SerializeToElement(value, Json);

    protected async Task<List<string>> ListAsync(string prefix)
    {
        var keys = new List<string>();
        await foreach (var key in Storage.ListKeysAsync(prefix, CancellationToken.None))
        {
            keys.Add(key);
        }

        return keys;
    }

    private async Task AssertStoredAsync(string key, int expectedV, string expectedETag)
    {
        var document = await Storage.ReadAsync(key, CancellationToken.None);
        Assert.NotNull(document);
        Assert.Equal(expectedV, document.Content.GetProperty("v").GetInt32());
        Assert.Equal(expectedETag, document.ETag);
    }
}
