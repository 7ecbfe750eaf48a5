using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Planning;
using KaizalaBot.MigrationHost;
using KaizalaBot.PartnerCenter;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Dialogs.Migration.Steps;

/// <summary>
/// Step 1: the customer. By default the customers holding Kaizala Pro, most urgent first, a page at a time from the
/// expiry index (no Partner Center call); or found by company name or domain prefix (two calls per search; its pages
/// and the card shown again reuse the answer for <c>Migration:CustomerReadLifetime</c>).
/// Choosing one reads its Kaizala Pro subscriptions again (and refreshes its index entry); a customer without any stays
/// here, saying so.
/// </summary>
internal sealed class CustomerStep(
    MigrationPlanner planner, ExpiryIndex index, ExpiryScanner scanner, CardRenderer cards, IOptions<ConversationOptions> options) : IMigrationStep
{
    public const int MaxSearchLength = 100;

    private readonly int _pageSize = options.Value.PageSize;

    public MigrationStage Stage => MigrationStage.Customer;

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.Search, CardVerbs.Page, CardVerbs.ChooseCustomer];

    public async Task<StepCard> ShowAsync(MigrationTurn turn, CancellationToken cancellationToken) =>
        turn.State.CustomerSearch is { Length: > 0 } search
            ? await ShowSearchAsync(turn, search, cancellationToken)
            : await ShowIndexAsync(turn, cancellationToken);

    public async Task<StepOutcome> HandleAsync(MigrationTurn turn, CardAnswer answer, CancellationToken cancellationToken)
    {
        var (state, texts) = (turn.State, turn.Texts);
        switch (answer.Verb)
        {
            case CardVerbs.Search:
                // An emptied search box goes back to the default list; a search that is not text is not the card's.
                var search = answer.Text("search", out var valid);
                return !valid
                    ? StepOutcome.Show(state.Say(texts["migrationSearchEmpty"]))
                    : string.IsNullOrEmpty(search)
                        ? StepOutcome.Show(state with { CustomerSearch = null, Page = 0 })
                        : search.Length > MaxSearchLength || search.Any(char.IsControl)
                            ? StepOutcome.Show(state.Say(texts.Format("migrationSearchTooLong", MaxSearchLength)))
                            : StepOutcome.Show(state with { CustomerSearch = search, Page = 0 });
            case CardVerbs.Page:
                // The default list pages with the index's cursors: only a page already reached, or the next one, exists.
                var limit = state.CustomerSearch is null ? state.IndexCursors.Count : 10_000;
                return StepOutcome.Show(answer.WholeNumber("page", out _) is { } page && page >= 0 && page < limit
                    ? state with { Page = (int)page }
                    : state.Say(texts["migrationNotOffered"]));
            default:
                var customerId = answer.RequiredText("customerId");
                if (customerId is null || !state.Offered.Contains(customerId, StringComparer.Ordinal))
                {
                    return StepOutcome.Show(state.Say(texts["migrationNotOffered"]));
                }

                return StepOutcome.Show(await SelectAsync(turn, customerId, state.CustomerNames.GetValueOrDefault(customerId), cancellationToken));
        }
    }

    /// <summary>
    /// The customer chosen (or named by a reminder): its Kaizala Pro subscriptions read again, which also refreshes its
    /// entry in the expiry index; then the subscription step. A customer without any, or unknown to Partner Center, keeps
    /// the seller on this step.
    /// </summary>
    public async Task<MigrationDialogState> SelectAsync(MigrationTurn turn, string customerId, string? knownName, CancellationToken cancellationToken)
    {
        var (state, texts) = (turn.State, turn.Texts);
        try
        {
            var entry = await scanner.RefreshCustomerAsync(customerId, cancellationToken);
            var name = entry?.CompanyName ?? knownName ?? customerId;
            return entry is not { Subscriptions.Count: > 0 }
                ? state.Say(texts.Format("migrationCustomerNoKaizala", name))
                : state.GoTo(MigrationStage.Subscription) with
                {
                    CustomerId = entry.CustomerId, CustomerName = name, Subscriptions = entry.Subscriptions, SubscriptionId = null,
                };
        }
        catch (PartnerException ex) when (ex.ErrorCategory == PartnerErrorCategory.NotFound)
        {
            return state.Say(texts["migrationCustomerUnknown"]);
        }
        catch (PartnerException ex)
        {
            return state.Say(texts.Format("migrationPartnerCenterError", ex.ErrorCode ?? ex.ErrorCategory.ToString()));
        }
    }

    private async Task<StepCard> ShowSearchAsync(MigrationTurn turn, string search, CancellationToken cancellationToken)
    {
        var (state, texts) = (turn.State, turn.Texts);
        var found = await planner.FindCustomersAsync(search, cancellationToken);
        var pages = Math.Max(1, (found.Count + _pageSize - 1) / _pageSize);
        var page = Math.Clamp(state.Page, 0, pages - 1);
        var shown = found.Skip(page * _pageSize).Take(_pageSize).ToList();
        var intro = found.Count == 0
            ? texts.Format("migrationCustomerNone", search)
            : texts.Format("migrationCustomerFound", found.Count, search);
        var rows = shown.Select(c => new CustomerRow(c.Id, c.CompanyName, c.Domain ?? "")).ToList();
        return Card(turn, search, intro, rows, found.Count > _pageSize ? texts.Format("migrationPageOf", page + 1, pages) : "", page, page < pages - 1, state);
    }

    private async Task<StepCard> ShowIndexAsync(MigrationTurn turn, CancellationToken cancellationToken)
    {
        var (state, texts) = (turn.State, turn.Texts);
        var page = Math.Clamp(state.Page, 0, state.IndexCursors.Count - 1);
        var listed = await index.ReadPageAsync(state.IndexCursors[page], _pageSize, cancellationToken);
        var ready = (await index.GetStatusAsync(cancellationToken)).IsReady;
        var intro = (ready, listed.Items.Count) switch
        {
            (false, _) => texts["migrationCustomerIndexBuilding"],
            (true, 0) when page == 0 => texts["migrationCustomerIndexEmpty"],
            _ => texts["migrationCustomerIndexIntro"],
        };
        var rows = listed.Items.Select(e => new CustomerRow(e.CustomerId, e.CompanyName ?? e.Domain ?? e.CustomerId, Detail(texts, e))).ToList();
        var cursors = listed.Next is { } next ? [.. state.IndexCursors.Take(page + 1), next] : state.IndexCursors.Take(page + 1).ToList();
        return Card(turn, "", intro, rows, page > 0 || listed.Next is not null ? texts.Format("migrationPage", page + 1) : "", page,
            listed.Next is not null, state with { IndexCursors = cursors });
    }

    private StepCard Card(MigrationTurn turn, string search, string intro, List<CustomerRow> rows, string pageInfo, int page, bool hasNext, MigrationDialogState state)
    {
        var texts = turn.Texts;
        var model = new CustomerCardModel(
            StepHeaders.For(turn, texts["migrationCustomerTitle"]), search, intro, rows, pageInfo, page > 0, hasNext, page - 1, page + 1);
        return new StepCard(
            cards.Render(CardTemplate.MigrationCustomer, texts, model),
            state with { Page = page, Offered = [.. rows.Select(r => r.Id)], CustomerNames = rows.ToDictionary(r => r.Id, r => r.Name) });
    }

    // The most urgent Kaizala Pro subscription: when it ends (or ended), and whether it lapses or renews.
    private static string Detail(TextTable texts, ExpiryIndexEntry entry)
    {
        var urgent = entry.Lapsing.FirstOrDefault() ?? entry.Subscriptions.Where(s => s.IsLive()).OrderBy(s => s.EndDate).FirstOrDefault();
        var when = urgent switch
        {
            { EndDate: { } end, DaysLeft: < 0 } => texts.Format("migrationCustomerEnded", texts.Date(end)),
            { EndDate: { } end, AutoRenewEnabled: false, DaysLeft: { } days } => texts.Format("migrationCustomerEnds", texts.Date(end), days),
            { EndDate: { } end } => texts.Format("migrationCustomerRenews", texts.Date(end)),
            _ => "",
        };
        return string.Join(" · ", new[] { entry.Domain, when }.Where(p => !string.IsNullOrEmpty(p)));
    }
}
