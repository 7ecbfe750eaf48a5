using KaizalaBot.Migration.Planning;
using KaizalaBot.Storage;
using KaizalaBot.Storage.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Migration.Tests;

/// <summary>
/// The parsed listings <see cref="UserListingCache"/> keeps in memory: served while the stored document keeps the ETag it
/// was parsed under, parsed again once another write (here or on another instance) changed it, bounded by the holders it
/// keeps, and safe when many turns read and write at once.
/// </summary>
public sealed class UserListingCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly MemoryStorage _storage = new();

    [Fact]
    public async Task Read_SameETag_ServesTheListingParsedBefore()
    {
        var cache = Cache();
        await cache.WriteAsync(Listing("c1", holders: 3), CancellationToken.None);

        var first = await cache.ReadAsync("c1", CancellationToken.None);
        var second = await cache.ReadAsync("c1", CancellationToken.None);

        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.Equal(["c1-u0", "c1-u1", "c1-u2"], second!.KaizalaHolders.Select(u => u.Id));
    }

    [Fact]
    public async Task Read_ListingWrittenByAnotherInstance_ParsesTheNewOne()
    {
        var cache = Cache();
        var otherInstance = Cache();
        await cache.WriteAsync(Listing("c1", holders: 3), CancellationToken.None);
        var before = await cache.ReadAsync("c1", CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(1));
        await otherInstance.WriteAsync(Listing("c1", holders: 5), CancellationToken.None);
        var after = await cache.ReadAsync("c1", CancellationToken.None);

        Assert.Equal(3, before!.KaizalaHolders.Count);
        Assert.Equal(5, after!.KaizalaHolders.Count);
        Assert.Equal(Now.AddMinutes(1), after.ReadAt);
    }

    [Fact]
    public async Task Read_ListingOlderThanItsLifetime_IsNotServedFromMemory()
    {
        var cache = Cache();
        await cache.WriteAsync(Listing("c1", holders: 3), CancellationToken.None);
        Assert.NotNull(await cache.ReadAsync("c1", CancellationToken.None));

        _time.Advance(TimeSpan.FromMinutes(31));

        Assert.Null(await cache.ReadAsync("c1", CancellationToken.None));
    }

    [Fact]
    public async Task Read_ListingDeletedFromStorage_IsNotServedFromMemory()
    {
        var cache = Cache();
        await cache.WriteAsync(Listing("c1", holders: 3), CancellationToken.None);
        Assert.NotNull(await cache.ReadAsync("c1", CancellationToken.None));

        await _storage.DeleteAsync("user-listings/C1", WriteCondition.Unconditional, CancellationToken.None);

        Assert.Null(await cache.ReadAsync("c1", CancellationToken.None));
    }

    [Fact]
    public async Task Keep_BeyondTheBound_DropsTheLeastRecentlyUsedListing()
    {
        var cache = Cache(maxHolders: 10);
        foreach (var customer in new[] { "a", "b" })
        {
            await cache.WriteAsync(Listing(customer, holders: 4), CancellationToken.None);
        }

        var a = await cache.ReadAsync("a", CancellationToken.None);
        var b = await cache.ReadAsync("b", CancellationToken.None);
        Assert.Same(a, await cache.ReadAsync("a", CancellationToken.None));   // a is now the more recently used
        await cache.WriteAsync(Listing("c", holders: 4), CancellationToken.None);
        await cache.ReadAsync("c", CancellationToken.None);

        Assert.Equal((2, 8), cache.CachedCounts);
        Assert.Same(a, await cache.ReadAsync("a", CancellationToken.None));
        var bAgain = await cache.ReadAsync("b", CancellationToken.None);
        Assert.NotSame(b, bAgain);   // b was dropped: parsed again from storage, same content
        Assert.Equal(b!.KaizalaHolders.Select(u => u.Id), bAgain!.KaizalaHolders.Select(u => u.Id));
        Assert.True(cache.CachedCounts.Holders <= 10);
    }

    [Fact]
    public async Task Keep_ListingLargerThanTheBound_IsServedButNotKept()
    {
        var cache = Cache(maxHolders: 10);
        await cache.WriteAsync(Listing("big", holders: 11), CancellationToken.None);

        var listing = await cache.ReadAsync("big", CancellationToken.None);

        Assert.Equal(11, listing!.KaizalaHolders.Count);
        Assert.Equal((0, 0), cache.CachedCounts);
    }

    [Fact]
    public async Task ReadAndWrite_ManyTurnsAtOnce_EveryReadIsAListingOnceWrittenAndTheBoundHolds()
    {
        var cache = Cache(maxHolders: 20);
        var customers = Enumerable.Range(0, 8).Select(i => $"c{i}").ToList();
        foreach (var customer in customers)
        {
            await cache.WriteAsync(Listing(customer, holders: 1), CancellationToken.None);
        }

        // Each listing of a customer has a holder count between 1 and 6 and ids made from its customer id; a read must
        // always return one whole listing of the customer asked for, whatever the writes and evictions around it.
        await Parallel.ForAsync(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var customer = customers[i % customers.Count];
            if (i % 5 == 0)
            {
                await cache.WriteAsync(Listing(customer, holders: 1 + (i % 6)), ct);
                return;
            }

            var listing = await cache.ReadAsync(customer, ct);
            Assert.NotNull(listing);
            Assert.Equal(customer, listing.CustomerId);
            Assert.Equal(Enumerable.Range(0, listing.KaizalaHolders.Count).Select(u => $"{customer}-u{u}"), listing.KaizalaHolders.Select(u => u.Id));
            Assert.True(cache.CachedCounts.Holders <= 20);
        });

        var (listings, holders) = cache.CachedCounts;
        Assert.InRange(listings, 1, 8);
        Assert.InRange(holders, 1, 20);
    }

    private UserListingCache Cache(int maxHolders = UserListingCache.MaxCachedHolders) =>
        new(_storage, Options.Create(new MigrationOptions()), _time, maxHolders);

    private UserListing Listing(string customerId, int holders) => new()
    {
        CustomerId = customerId,
        ReadAt = _time.GetUtcNow(),
        UsersRead = holders * 2,
        KaizalaHolders = [.. Enumerable.Range(0, holders).Select(u => new CandidateUser { Id = $"{customerId}-u{u}", HoldsKaizala = true, UsageLocation = "FR" })],
    };
}
