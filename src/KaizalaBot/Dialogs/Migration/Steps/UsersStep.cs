using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Dialogs.Migration.Preparation;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Planning;
using KaizalaBot.MigrationHost;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Dialogs.Migration.Steps;

/// <summary>
/// Step 5: who moves. Every Kaizala Pro holder by default; the seller finds people by name or UPN and excludes (or
/// includes again) them, a page at a time. The list comes from the background read started at step 2: while it runs,
/// the card shows how far it is and is redrawn in place; no turn here calls Partner Center.
/// </summary>
internal sealed class UsersStep(UserListPreparer users, MigrationSelections selections, CardRenderer cards, IOptions<ConversationOptions> options) : IMigrationStep
{
    private readonly int _pageSize = options.Value.PageSize;

    public MigrationStage Stage => MigrationStage.Users;

    public IReadOnlyCollection<string> Verbs { get; } =
        [CardVerbs.SearchUsers, CardVerbs.Page, CardVerbs.ExcludeUser, CardVerbs.IncludeUser, CardVerbs.IncludeAllUsers, CardVerbs.Continue, CardVerbs.Refresh];

    public async Task<StepCard> ShowAsync(MigrationTurn turn, CancellationToken cancellationToken)
    {
        var (state, texts) = (turn.State, turn.Texts);
        if (await users.GetAsync(state.CustomerId!, cancellationToken) is not { } holders)
        {
            return StepCard.Waiting(state, new LiveView(LiveViewKind.Users, UserListPreparer.Key(state.CustomerId!), state.CustomerName ?? "", Stage));
        }

        var excluded = state.ExcludedUserIds.ToHashSet(StringComparer.Ordinal);
        var matching = holders.Where(u => Matches(u, state.UserSearch)).ToList();
        var pages = Math.Max(1, (matching.Count + _pageSize - 1) / _pageSize);
        var page = Math.Clamp(state.Page, 0, pages - 1);
        var shown = matching.Skip(page * _pageSize).Take(_pageSize).ToList();
        var selected = holders.Count(u => !excluded.Contains(u.Id));
        var rows = shown.Select(u => new UserRow(
            u.Id,
            u.DisplayName ?? u.UserPrincipalName ?? u.Id,
            u.UserPrincipalName ?? "",
            string.IsNullOrEmpty(u.UsageLocation) ? texts["migrationUserNoLocation"] : "",
            texts[excluded.Contains(u.Id) ? "migrationUserExcluded" : "migrationUserIncluded"],
            excluded.Contains(u.Id)));
        var intro = holders.Count == 0
            ? texts.Format("migrationUsersNone", state.CustomerName)
            : state.UserSearch is { Length: > 0 } search ? texts.Format("migrationUsersMatching", matching.Count, search) : "";
        var model = new UsersCardModel(
            StepHeaders.For(turn, texts.Format("migrationUsersTitle", state.CustomerName)),
            texts.Format("migrationUsersSummary", selected, holders.Count),
            state.UserSearch ?? "",
            excluded.Count > 0,
            intro,
            [.. rows],
            matching.Count > _pageSize ? texts.Format("migrationPageOf", page + 1, pages) : "",
            page > 0,
            page < pages - 1,
            page - 1,
            page + 1,
            selected > 0);
        return new StepCard(cards.Render(CardTemplate.MigrationUsers, texts, model), state with { Page = page, Offered = [.. shown.Select(u => u.Id)] });
    }

    public async Task<StepOutcome> HandleAsync(MigrationTurn turn, CardAnswer answer, CancellationToken cancellationToken)
    {
        var (state, texts) = (turn.State, turn.Texts);
        var next = answer.Verb switch
        {
            CardVerbs.Refresh => state,
            CardVerbs.SearchUsers => answer.Text("userSearch", out var valid) is var search && valid && (search?.Length ?? 0) <= CustomerStep.MaxSearchLength
                && !(search?.Any(char.IsControl) ?? false)
                    ? state with { UserSearch = string.IsNullOrEmpty(search) ? null : search, Page = 0 }
                    : state.Say(texts.Format("migrationSearchTooLong", CustomerStep.MaxSearchLength)),
            CardVerbs.Page => answer.WholeNumber("page", out _) is { } page && page is >= 0 and < 10_000
                ? state with { Page = (int)page }
                : state.Say(texts["migrationNotOffered"]),
            CardVerbs.ExcludeUser or CardVerbs.IncludeUser => Toggle(state, texts, answer),
            CardVerbs.IncludeAllUsers => state with { ExcludedUserIds = [] },
            _ => null,
        };
        return StepOutcome.Show(next ?? await ContinueAsync(state, texts, cancellationToken));
    }

    private static MigrationDialogState Toggle(MigrationDialogState state, TextTable texts, CardAnswer answer)
    {
        var userId = answer.RequiredText("userId");
        if (userId is null || !state.Offered.Contains(userId, StringComparer.Ordinal))
        {
            return state.Say(texts["migrationNotOffered"]);
        }

        var excluded = state.ExcludedUserIds.Where(id => id != userId);
        return state with { ExcludedUserIds = answer.Verb == CardVerbs.ExcludeUser ? [.. excluded, userId] : [.. excluded] };
    }

    private async Task<MigrationDialogState> ContinueAsync(MigrationDialogState state, TextTable texts, CancellationToken cancellationToken) =>
        await selections.HoldersAsync(state, cancellationToken) is not { } holders
            ? state.Say(texts["migrationUsersNotReady"])
            : MigrationSelections.Selected(state, holders).Count == 0
                ? state.Say(texts["users.none.action"])
                : state.GoTo(MigrationStage.Review) with { PreviewKey = null };

    private static bool Matches(CandidateUser user, string? search) =>
        string.IsNullOrEmpty(search)
        || (user.DisplayName?.Contains(search, StringComparison.CurrentCultureIgnoreCase) ?? false)
        || (user.UserPrincipalName?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false);
}
