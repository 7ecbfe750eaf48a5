using KaizalaBot.Migration.Planning;
using KaizalaBot.MigrationHost;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Dialogs.Migration.Preparation;

/// <summary>
/// The Kaizala Pro holders of a customer, read in the background as soon as the seller picks the subscription, so the
/// users step rarely waits; reused by any dialog on that customer for <c>Conversation:UserListLifetime</c>.
/// </summary>
internal sealed class UserListPreparer(BackgroundReads reads, MigrationPlanner planner, IOptions<ConversationOptions> options)
{
    public static string Key(string customerId) => $"{BackgroundReads.KeyPrefix}users/{customerId}";

    /// <summary>Starts reading (or reuses a recent or running read).</summary>
    public Task<PreparedRead<IReadOnlyList<CandidateUser>>> StartAsync(string customerId, CancellationToken cancellationToken) =>
        reads.EnsureAsync(Key(customerId), options.Value.UserListLifetime, ReadUsers(customerId), cancellationToken);

    /// <summary>
    /// The list as the dialog goes on: a finished list is kept whatever its age (the seller's choices refer to it; the
    /// preview and the runner read users again anyway), a missing, failed or abandoned one is read again.
    /// </summary>
    public Task<PreparedRead<IReadOnlyList<CandidateUser>>> GetAsync(string customerId, CancellationToken cancellationToken) =>
        reads.EnsureAsync(Key(customerId), TimeSpan.MaxValue, ReadUsers(customerId), cancellationToken);

    /// <summary>The list as it stands, without starting anything (null when no read exists).</summary>
    public Task<PreparedRead<IReadOnlyList<CandidateUser>>?> ReadAsync(string customerId, CancellationToken cancellationToken) =>
        reads.ReadAsync<IReadOnlyList<CandidateUser>>(Key(customerId), cancellationToken);

    private Func<IProgress<UsersRead>, CancellationToken, Task<IReadOnlyList<CandidateUser>>> ReadUsers(string customerId) =>
        (progress, cancellationToken) => planner.GetKaizalaUsersAsync(customerId, progress, cancellationToken);
}
