using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Planning;
using KaizalaBot.MigrationHost;
using KaizalaBot.PartnerCenter;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Dialogs.Migration.Steps;

/// <summary>
/// Step 1: the customer, found by company name or domain prefix (two Partner Center calls per search or page), a page
/// at a time. Choosing one reads its Kaizala Pro subscriptions; a customer without any stays here, saying so.
/// </summary>
internal sealed class CustomerStep(MigrationPlanner planner, CardRenderer cards, IOptions<ConversationOptions> options) : IMigrationStep
{
    public const int MaxSearchLength = 100;

    private readonly int _pageSize = options.Value.PageSize;

    public MigrationStage Stage => MigrationStage.Customer;

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.Search, CardVerbs.Page, CardVerbs.ChooseCustomer];

    public async Task<StepCard> ShowAsync(MigrationTurn turn, CancellationToken cancellationToken)
    {
        var (state, texts) = (turn.State, turn.Texts);
        IReadOnlyList<CustomerMatch> found = state.CustomerSearch is { Length: > 0 } search
            ? await planner.FindCustomersAsync(search, cancellationToken)
            : [];
        var pages = Math.Max(1, (found.Count + _pageSize - 1) / _pageSize);
        var page = Math.Clamp(state.Page, 0, pages - 1);
        var shown = found.Skip(page * _pageSize).Take(_pageSize).ToList();
        var intro = state.CustomerSearch is not { Length: > 0 } searched
            ? texts["migrationCustomerIntro"]
            : found.Count == 0
                ? texts.Format("migrationCustomerNone", searched)
                : texts.Format("migrationCustomerFound", texts.Number(found.Count), searched);
        var model = new CustomerCardModel(
            StepHeaders.For(turn, texts["migrationCustomerTitle"]),
            state.CustomerSearch ?? "",
            intro,
            [.. shown.Select(c => new CustomerRow(c.Id, c.CompanyName, c.Domain ?? ""))],
            found.Count > _pageSize ? texts.Format("migrationPageOf", page + 1, pages) : "",
            page > 0,
            page < pages - 1,
            page - 1,
            page + 1);
        return new StepCard(cards.Render(CardTemplate.MigrationCustomer, texts, model), state with { Page = page, Offered = [.. shown.Select(c => c.Id)] });
    }

    public async Task<StepOutcome> HandleAsync(MigrationTurn turn, CardAnswer answer, CancellationToken cancellationToken)
    {
        var (state, texts) = (turn.State, turn.Texts);
        switch (answer.Verb)
        {
            case CardVerbs.Search:
                var search = answer.Text("search", out var valid);
                return !valid || string.IsNullOrEmpty(search)
                    ? StepOutcome.Show(state.Say(texts["migrationSearchEmpty"]))
                    : search.Length > MaxSearchLength || search.Any(char.IsControl)
                        ? StepOutcome.Show(state.Say(texts.Format("migrationSearchTooLong", MaxSearchLength)))
                        : StepOutcome.Show(state with { CustomerSearch = search, Page = 0 });
            case CardVerbs.Page:
                return StepOutcome.Show(answer.WholeNumber("page", out _) is { } page && page >= 0 && page < 10_000
                    ? state with { Page = (int)page }
                    : state.Say(texts["migrationNotOffered"]));
            default:
                var customerId = answer.RequiredText("customerId");
                if (customerId is null || !state.Offered.Contains(customerId, StringComparer.Ordinal))
                {
                    return StepOutcome.Show(state.Say(texts["migrationNotOffered"]));
                }

                return StepOutcome.Show(await SelectAsync(turn, customerId, null, cancellationToken));
        }
    }

    /// <summary>
    /// The customer chosen (or named by a reminder): its Kaizala Pro subscriptions read (two calls), then the
    /// subscription step; a customer without any, or unknown to Partner Center, keeps the seller on this step.
    /// </summary>
    public async Task<MigrationDialogState> SelectAsync(MigrationTurn turn, string customerId, string? knownName, CancellationToken cancellationToken)
    {
        var (state, texts) = (turn.State, turn.Texts);
        try
        {
            var name = knownName ?? (await planner.GetCustomerAsync(customerId, cancellationToken)).CompanyName;
            var subscriptions = await planner.GetKaizalaSubscriptionsAsync(customerId, cancellationToken);
            return subscriptions.Count == 0
                ? state.Say(texts.Format("migrationCustomerNoKaizala", name))
                : state.GoTo(MigrationStage.Subscription) with { CustomerId = customerId, CustomerName = name, Subscriptions = subscriptions, SubscriptionId = null };
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
}
