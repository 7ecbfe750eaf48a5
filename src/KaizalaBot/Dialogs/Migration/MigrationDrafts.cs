using System.Text.Json;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>The engine's <see cref="MigrationDraft"/> from the dialog's answers and the selected users.</summary>
internal static class MigrationDrafts
{
    public static MigrationDraft Build(MigrationTurn turn, IReadOnlyList<CandidateUser> selected)
    {
        var state = turn.State;
        var plan = state.Plan ?? throw new InvalidOperationException("A draft needs a chosen plan.");
        return new MigrationDraft
        {
            Seller = turn.Seller,
            CustomerId = state.CustomerId!,
            CustomerName = state.CustomerName,
            SourceSubscriptionId = state.SubscriptionId!,
            PlanId = plan.PlanId,
            PurchaseKind = plan.Kind,
            ExistingSubscriptionId = plan.ExistingSubscriptionId,
            LicenceCount = state.LicenceCount ?? selected.Count,
            Users = [.. selected.Select(u => new MigrationUser(u.Id, u.UserPrincipalName, u.DisplayName))],
            Language = BotLanguages.Code(turn.Texts.Language),
        };
    }

    /// <summary>
    /// What the runner needs to reach the seller: this personal chat (to post and update the migration's card) and the
    /// message the card lives in — the clicked card, which the migration card replaces.
    /// </summary>
    public static MigrationDraft ForThisChat(this MigrationDraft draft, ITurnContext turnContext) => draft with
    {
        ConversationReference = JsonSerializer.SerializeToElement(turnContext.Activity.GetConversationReference() with { ActivityId = null }, BotJson.Options),
        ProgressActivityId = turnContext.Activity.ReplyToId is { Length: > 0 } clicked ? clicked : null,
    };
}
