using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Dialogs.Migration.Preparation;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Planning;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.Dialogs.Migration.Steps;

/// <summary>
/// Step 2: the customer's Kaizala Pro subscriptions (seats, assigned, unassigned, end date, days left, auto-renew);
/// only an active one can be chosen. Choosing it starts reading the customer's users in the background, so they are
/// usually ready by the users step.
/// </summary>
internal sealed class SubscriptionStep(UserListPreparer users, CardRenderer cards) : IMigrationStep
{
    public MigrationStage Stage => MigrationStage.Subscription;

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.ChooseSubscription];

    public Task<StepCard> ShowAsync(MigrationTurn turn, CancellationToken cancellationToken)
    {
        var (state, texts) = (turn.State, turn.Texts);
        var rows = state.Subscriptions.Select(s => new SubscriptionRow(
            s.SubscriptionId,
            s.FriendlyName ?? texts["migrationKaizalaPro"],
            [
                new CardFact(texts["migrationFactStatus"], texts[$"migrationSubscriptionStatus{s.Status}"]),
                new CardFact(texts["migrationFactSeats"], texts.Number(s.Seats)),
                new CardFact(texts["migrationFactAssigned"], texts.Number(s.AssignedUsers)),
                new CardFact(texts["migrationFactUnassigned"], texts.Number(s.UnassignedSeats)),
                new CardFact(texts["migrationFactEndDate"], s.EndDate is { } end ? texts.Date(end) : texts["migrationUnknown"]),
                new CardFact(texts["migrationFactDaysLeft"], s.DaysLeft is { } days ? texts.Number(days) : texts["migrationUnknown"]),
                new CardFact(texts["migrationFactAutoRenew"], texts[s.AutoRenewEnabled ? "migrationYes" : "migrationNo"]),
            ],
            CanChoose(s),
            CanChoose(s) ? "" : texts.Format("migrationSubscriptionNotActive", texts[$"migrationSubscriptionStatus{s.Status}"])));
        var model = new SubscriptionCardModel(StepHeaders.For(turn, texts.Format("migrationSubscriptionTitle", state.CustomerName)), [.. rows]);
        var offered = state.Subscriptions.Where(CanChoose).Select(s => s.SubscriptionId);
        return Task.FromResult(new StepCard(cards.Render(CardTemplate.MigrationSubscription, texts, model), state with { Offered = [.. offered] }));
    }

    public async Task<StepOutcome> HandleAsync(MigrationTurn turn, CardAnswer answer, CancellationToken cancellationToken)
    {
        var subscriptionId = answer.RequiredText("subscriptionId");
        return subscriptionId is not null && turn.State.Offered.Contains(subscriptionId, StringComparer.Ordinal)
            ? StepOutcome.Show(await SelectAsync(turn.State, subscriptionId, cancellationToken))
            : StepOutcome.Show(turn.State.Say(turn.Texts["migrationNotOffered"]));
    }

    /// <summary>An active subscription of the state's list chosen: users read in the background, on to the plan.</summary>
    public async Task<MigrationDialogState> SelectAsync(MigrationDialogState state, string subscriptionId, CancellationToken cancellationToken)
    {
        await users.StartAsync(state.CustomerId!, cancellationToken);
        return state.GoTo(MigrationStage.Plan) with { SubscriptionId = subscriptionId, Plan = null, LicenceCount = null, ExcludedUserIds = [], UserSearch = null };
    }

    // Users can only be moved off an active subscription (an expired or suspended one blocks the preview anyway).
    private static bool CanChoose(KaizalaSubscriptionSummary subscription) => subscription.Status == SubscriptionStatus.Active;
}
