namespace KaizalaBot.Cards.Models;

/// <summary>Step 5: the Kaizala Pro users, all selected by default, excluded one by one after a name or UPN search; paged.</summary>
public sealed record UsersCardModel(
    CardHeader Header, string Summary, string Search, bool AnyExcluded, string Intro, IReadOnlyList<UserRow> Users, string PageInfo,
    bool HasPrevious, bool HasNext, int PreviousPage, int NextPage, bool CanContinue);
