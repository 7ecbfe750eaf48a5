using KaizalaBot.Dialogs.Migration.Preparation;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>Who moves: the customer's Kaizala Pro holders (read in the background) minus the ones the seller excluded.</summary>
internal sealed class MigrationSelections(UserListPreparer users)
{
    /// <summary>The holders while the customer's listing is fresh, or null while it is read (again) or failed.</summary>
    public Task<IReadOnlyList<CandidateUser>?> HoldersAsync(MigrationDialogState state, CancellationToken cancellationToken) =>
        users.ReadAsync(state.CustomerId!, cancellationToken);

    public static IReadOnlyList<CandidateUser> Selected(MigrationDialogState state, IReadOnlyList<CandidateUser> holders)
    {
        var excluded = state.ExcludedUserIds.ToHashSet(StringComparer.Ordinal);
        return [.. holders.Where(u => !excluded.Contains(u.Id))];
    }

    /// <summary>How many users move: the selection once the list is read, else the subscription's assigned seats (the same people).</summary>
    public async Task<int> CountAsync(MigrationDialogState state, CancellationToken cancellationToken) =>
        await HoldersAsync(state, cancellationToken) is { } holders ? Selected(state, holders).Count : state.Subscription?.AssignedUsers ?? 0;
}
