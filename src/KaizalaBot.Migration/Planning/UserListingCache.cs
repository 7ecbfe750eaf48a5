using System.Text.Json;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Storage;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Planning;

/// <summary>
/// The last user listing per customer, in storage (<c>user-listings/{customer}</c>) so that every instance and a
/// restarted bot find it, served while younger than <c>Migration:UserListingLifetime</c>. Only the conversation reads
/// it: step B always reads a user's licences again right before changing them.
/// </summary>
/// <remarks>
/// Several dialog turns read the listing (up to 1,500 holders) and each used to deserialise all of it again, which was
/// most of what a migration turn allocated. The storage stays the source of truth and is read every time; only the
/// parsed listing is kept, per customer, with the ETag it was read under, and served while the stored document still has
/// that ETag (a listing written since, here or by another instance, has a new ETag and is parsed again). The cache is
/// bounded by the holders it keeps (<see cref="MaxCachedHolders"/>), least recently used first out.
/// </remarks>
public sealed class UserListingCache
{
    /// <summary>
    /// Holders kept parsed across customers: a holder is a few hundred bytes once parsed, so this is some tens of megabytes
    /// at most, and holds the listings of every customer a busy partner's sellers walk at once (typically tens of holders
    /// to a few hundred each).
    /// </summary>
    public const int MaxCachedHolders = 100_000;

    private readonly IStorage _storage;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly int _maxHolders;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Parsed>> _parsed = new(StringComparer.Ordinal);
    private readonly LinkedList<Parsed> _recent = new();
    private int _cachedHolders;

    public UserListingCache(IStorage storage, IOptions<MigrationOptions> options, TimeProvider time)
        : this(storage, options, time, MaxCachedHolders)
    {
    }

    /// <summary>With another bound than <see cref="MaxCachedHolders"/>, so that tests can reach it.</summary>
    internal UserListingCache(IStorage storage, IOptions<MigrationOptions> options, TimeProvider time, int maxHolders)
    {
        ArgumentNullException.ThrowIfNull(options);
        _storage = storage;
        _time = time;
        _lifetime = options.Value.UserListingLifetime;
        _maxHolders = maxHolders;
    }

    /// <summary>The customer's listing if it is still fresh, else null.</summary>
    public async Task<UserListing?> ReadAsync(string customerId, CancellationToken cancellationToken)
    {
        var key = Key(customerId);
        var stored = await _storage.ReadAsync(key, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var listing = Cached(key, stored.ETag) ?? Keep(key, stored.ETag, Parse(stored));
        return _time.GetUtcNow() - listing.ReadAt < _lifetime ? listing : null;
    }

    /// <summary>Replaces the customer's listing: the newest read wins.</summary>
    public Task WriteAsync(UserListing listing, CancellationToken cancellationToken) =>
        _storage.WriteAsync(Key(listing.CustomerId), listing, WriteCondition.Unconditional, MigrationJson.Options, cancellationToken);

    /// <summary>How many listings and holders are kept parsed (for tests of the bound).</summary>
    internal (int Listings, int Holders) CachedCounts
    {
        get
        {
            lock (_gate)
            {
                return (_parsed.Count, _cachedHolders);
            }
        }
    }

    private static UserListing Parse(StoredDocument stored) =>
        stored.Content.Deserialize<UserListing>(MigrationJson.Options)
        ?? throw new JsonException($"Storage document '{stored.Key}' holds JSON null, not a user listing.");

    private UserListing? Cached(string key, string eTag)
    {
        lock (_gate)
        {
            if (!_parsed.TryGetValue(key, out var node) || node.Value.ETag != eTag)
            {
                return null;
            }

            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value.Listing;
        }
    }

    private UserListing Keep(string key, string eTag, UserListing listing)
    {
        var holders = listing.KaizalaHolders.Count;
        lock (_gate)
        {
            if (_parsed.Remove(key, out var old))
            {
                Drop(old);
            }

            if (holders > _maxHolders)
            {
                return listing;   // Larger than the whole cache: served, not kept.
            }

            while (_cachedHolders + holders > _maxHolders && _recent.Last is { } oldest)
            {
                _parsed.Remove(oldest.Value.Key);
                Drop(oldest);
            }

            _parsed[key] = _recent.AddFirst(new Parsed(key, eTag, listing));
            _cachedHolders += holders;
            return listing;
        }
    }

    private void Drop(LinkedListNode<Parsed> node)
    {
        _recent.Remove(node);
        _cachedHolders -= node.Value.Listing.KaizalaHolders.Count;
    }

    private static string Key(string customerId) => $"user-listings/{customerId.ToUpperInvariant()}";

    private sealed record Parsed(string Key, string ETag, UserListing Listing);
}
