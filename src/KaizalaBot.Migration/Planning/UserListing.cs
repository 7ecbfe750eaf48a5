namespace KaizalaBot.Migration.Planning;

/// <summary>
/// A customer's Kaizala Pro holders as one listing read them (every user, one licence read each), kept briefly so the
/// preview reuses it instead of reading every user again. <see cref="ReadAt"/> is what the seller is shown as its age.
/// </summary>
public sealed record UserListing
{
    public required string CustomerId { get; init; }

    public required DateTimeOffset ReadAt { get; init; }

    /// <summary>Users the listing read (holders or not): the N of "x of N users read".</summary>
    public required int UsersRead { get; init; }

    /// <summary>The users holding Kaizala Pro, in Partner Center's order.</summary>
    public required IReadOnlyList<CandidateUser> KaizalaHolders { get; init; }
}
