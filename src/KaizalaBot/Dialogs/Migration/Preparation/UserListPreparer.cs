using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Dialogs.Migration.Preparation;

/// <summary>
/// The Kaizala Pro holders of a customer: the engine's user listing (<see cref="MigrationPlanner.ListKaizalaUsersAsync"/>,
/// kept for <c>Migration:UserListingLifetime</c>), run in the background as soon as the seller picks the subscription so
/// the users step rarely waits. The background read only carries the listing's progress for the waiting card; the
/// holders themselves are the engine's cached listing, read by every dialog on that customer.
/// </summary>
internal sealed class UserListPreparer(BackgroundReads reads, MigrationPlanner planner, TimeProvider time)
{
    public static string Key(string customerId) => $"{BackgroundReads.KeyPrefix}user-listing/{customerId}";

    /// <summary>Starts the listing unless a fresh one exists or one is running.</summary>
    public async Task StartAsync(string customerId, CancellationToken cancellationToken) =>
        await GetAsync(customerId, cancellationToken);

    /// <summary>
    /// The holders while the listing is fresh; otherwise null, and the listing is read again (a missing, expired,
    /// failed or abandoned one) or followed (a running one). The seller's exclusions are user ids, so they survive it.
    /// </summary>
    public async Task<IReadOnlyList<CandidateUser>?> GetAsync(string customerId, CancellationToken cancellationToken)
    {
        var lookedAt = time.GetUtcNow();
        if (await ReadAsync(customerId, cancellationToken) is { } holders)
        {
            return holders;
        }

        // A read that finished since the look above wrote its listing after that look missed it: that listing is the
        // fresh one, so it is shown rather than read again (a second full read, and a waiting card for nothing).
        var read = await reads.EnsureAsync(Key(customerId), lookedAt, async (progress, ct) =>
            (await planner.ListKaizalaUsersAsync(customerId, progress, ct)).KaizalaHolders.Count, cancellationToken);
        return read.Status == PreparationStatus.Ready ? await ReadAsync(customerId, cancellationToken) : null;
    }

    /// <summary>The holders while the listing is fresh, without starting anything; else null.</summary>
    public async Task<IReadOnlyList<CandidateUser>?> ReadAsync(string customerId, CancellationToken cancellationToken) =>
        (await planner.GetCachedKaizalaUsersAsync(customerId, cancellationToken))?.KaizalaHolders;
}
