using KaizalaBot.Migration.Jobs;
using KaizalaBot.Storage;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Planning;

/// <summary>
/// The last user listing per customer, in storage (<c>user-listings/{customer}</c>) so that every instance and a
/// restarted bot find it, served while younger than <c>Migration:UserListingLifetime</c>. Only the conversation reads
/// it: step B always reads a user's licences again right before changing them.
/// </summary>
public sealed class UserListingCache(IStorage storage, IOptions<MigrationOptions> options, TimeProvider time)
{
    private readonly TimeSpan _lifetime = options.Value.UserListingLifetime;

    /// <summary>The customer's listing if it is still fresh, else null.</summary>
    public async Task<UserListing?> ReadAsync(string customerId, CancellationToken cancellationToken)
    {
        var stored = await storage.ReadAsync<UserListing>(Key(customerId), MigrationJson.Options, cancellationToken);
        return stored is { } item && time.GetUtcNow() - item.Value.ReadAt < _lifetime ? item.Value : null;
    }

    /// <summary>Replaces the customer's listing: the newest read wins.</summary>
    public Task WriteAsync(UserListing listing, CancellationToken cancellationToken) =>
        storage.WriteAsync(Key(listing.CustomerId), listing, WriteCondition.Unconditional, MigrationJson.Options, cancellationToken);

    private static string Key(string customerId) => $"user-listings/{customerId.ToUpperInvariant()}";
}
