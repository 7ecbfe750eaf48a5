using KaizalaBot.Dialogs.Migration.Steps;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>
/// The dialog's first state from its <see cref="MigrationDialogOptions"/>: the customer step (searching the text, if
/// any), or, for a named customer, its subscriptions — and for a named active subscription straight to the plan. What
/// cannot be used (unknown customer, subscription gone) is said on the step the seller lands on.
/// </summary>
internal sealed class MigrationDialogStart(CustomerStep customers, SubscriptionStep subscriptions)
{
    public async Task<MigrationDialogState> InitialStateAsync(MigrationTurn turn, MigrationDialogOptions options, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        var search = options.SearchText?.Trim();
        var state = search is { Length: > 0 } && (search.Length > CustomerStep.MaxSearchLength || search.Any(char.IsControl))
            ? new MigrationDialogState().Say(texts.Format("migrationSearchTooLong", CustomerStep.MaxSearchLength))
            : new MigrationDialogState { CustomerSearch = search is { Length: > 0 } ? search : null };
        if (options.CustomerId is not { Length: > 0 } customerId)
        {
            return state;
        }

        state = await customers.SelectAsync(turn with { State = state }, customerId, options.CustomerName, cancellationToken);
        if (state.Stage != MigrationStage.Subscription || options.SubscriptionId is not { Length: > 0 } subscriptionId)
        {
            return state;
        }

        var subscription = state.Subscriptions.FirstOrDefault(s => string.Equals(s.SubscriptionId, subscriptionId, StringComparison.OrdinalIgnoreCase));
        return subscription is { Status: SubscriptionStatus.Active }
            ? await subscriptions.SelectAsync(state, subscription.SubscriptionId, cancellationToken)
            : state.Say(texts["migrationSubscriptionGone"]);
    }
}
