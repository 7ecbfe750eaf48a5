using System.Text.Json;
using KaizalaBot.Storage.Memory;
using KaizalaBot.Storage.Tests.Infrastructure;

namespace KaizalaBot.Storage.Tests;

public sealed class StorageExtensionsTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly MemoryStorage _storage = new();

    [Fact]
    public async Task ReadAsync_Missing_ReturnsNull()
    {
        var item = await _storage.ReadAsync<Counter>("missing", Json, CancellationToken.None);

        Assert.Null(item);
    }

    [Fact]
    public async Task WriteAsync_TypedValue_StoredWithSerializerOptionsAndReadBack()
    {
        var eTag = await _storage.WriteAsync("c", new Counter { Count = 3 }, WriteCondition.CreateOnly, Json, CancellationToken.None);

        var raw = await _storage.ReadAsync("c", CancellationToken.None);
        var typed = await _storage.ReadAsync<Counter>("c", Json, CancellationToken.None);

        Assert.Equal(3, raw?.Content.GetProperty("count").GetInt32());
        Assert.Equal(new StoredItem<Counter>("c", new Counter { Count = 3 }, eTag), typed);
    }

    [Fact]
    public async Task ReadAsync_DocumentIsJsonNull_ThrowsJsonException()
    {
        await _storage.WriteAsync("c", JsonSerializer.SerializeToElement<Counter?>(null), WriteCondition.CreateOnly, CancellationToken.None);

        await Assert.ThrowsAsync<JsonException>(() => _storage.ReadAsync<Counter>("c", Json, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_Missing_CreatesFromDefault()
    {
        var result = await _storage.UpdateAsync<Counter>(
            "c", c => new Counter { Count = (c?.Count ?? 0) + 1 }, Json, TimeProvider.System, CancellationToken.None);

        var stored = await _storage.ReadAsync<Counter>("c", Json, CancellationToken.None);
        Assert.Equal(1, result.Value.Count);
        Assert.Equal(result.ETag, stored?.ETag);
    }

    [Fact]
    public async Task UpdateAsync_AnotherWriterChangesKeyFirst_RereadsAndAppliesOnFreshValue()
    {
        await _storage.WriteAsync("c", new Counter { Count = 10 }, WriteCondition.CreateOnly, Json, CancellationToken.None);
        var interfering = new InterferingStorage(
            _storage,
            inner => inner.WriteAsync("c", new Counter { Count = 100 }, WriteCondition.Unconditional, Json, CancellationToken.None),
            times: 2);

        var result = await interfering.UpdateAsync<Counter>(
            "c", c => new Counter { Count = c!.Count + 1 }, Json, TimeProvider.System, CancellationToken.None);

        Assert.Equal(101, result.Value.Count);
        Assert.Equal(3, interfering.Writes);
        Assert.Equal(101, (await _storage.ReadAsync<Counter>("c", Json, CancellationToken.None))?.Value.Count);
    }

    [Fact]
    public async Task UpdateAsync_Cancelled_StopsWithoutWriting()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _storage.UpdateAsync<Counter>(
            "c", c => new Counter { Count = 1 }, Json, TimeProvider.System, cts.Token));

        Assert.Null(await _storage.ReadAsync("c", CancellationToken.None));
    }

    private sealed record Counter
    {
        public int Count { get; init; }
    }
}
