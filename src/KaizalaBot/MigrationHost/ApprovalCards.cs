using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Localization;
using KaizalaBot.Migration;
using KaizalaBot.Migration.Jobs;
using Microsoft.Extensions.Options;

namespace KaizalaBot.MigrationHost;

/// <summary>The request an Admin agent approves or rejects in Teams, and the same card once decided.</summary>
internal sealed class ApprovalCards(MigrationCards migrationCards, CardRenderer cards, IOptions<MigrationOptions> options)
{
    public Attachment Render(MigrationRecord migration, TextTable texts, SellerIdentity viewer)
    {
        ArgumentNullException.ThrowIfNull(migration);
        ArgumentNullException.ThrowIfNull(texts);
        var decision = migration.Approval is { } made
            ? texts.Format(made.Approved ? "approvalApprovedBy" : "approvalRejectedBy",
                string.Equals(made.By.AadObjectId, viewer?.AadObjectId, StringComparison.OrdinalIgnoreCase) ? texts["approvalYou"] : made.By.DisplayName)
            : migration.State == MigrationState.AwaitingApproval ? "" : texts["approvalNoLonger"];
        var model = new ApprovalCardModel(
            migration.Id,
            texts.Format("approvalTitle", migration.CustomerName ?? migration.CustomerId, migrationCards.PlanName(migration)),
            texts.Format("approvalIntro", migration.RequestedBy.DisplayName, migration.LicenceCount, options.Value.Approval.SeatThreshold),
            [
                new CardFact(texts["migrationFactCustomer"], migration.CustomerName ?? migration.CustomerId),
                new CardFact(texts["migrationFactSource"], migration.SourceSubscriptionId),
                new CardFact(texts["migrationFactPlan"], migrationCards.PlanName(migration)),
                new CardFact(texts["migrationFactLicences"], texts.Number(migration.LicenceCount)),
                new CardFact(texts["migrationFactUsers"], texts.Number(migration.UserCount)),
                new CardFact(texts["migrationFactStartedBy"], $"{migration.RequestedBy.DisplayName}, {texts.DateTime(migration.CreatedAt)}"),
                new CardFact(texts["migrationFactId"], migration.Id),
            ],
            decision,
            decision.Length == 0);
        return cards.Render(CardTemplate.MigrationApproval, texts, model);
    }
}
