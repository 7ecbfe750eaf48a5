using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Dialogs.Migration;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.MigrationHost;

namespace KaizalaBot.Bot.Routes;

/// <summary>
/// A button on a migration's card, acting on the migration record by its id whatever dialog runs: the engine decides
/// (only the seller who started it, or an Admin agent; only in a state where it means something), and the answer is
/// the migration's card as it now stands, or why nothing was done. A second click finds the state moved on and is
/// told so: nothing is done twice.
/// </summary>
internal abstract class MigrationRoute(MigrationService migrations, MigrationCards cards, BotTexts texts) : CardActionRoute<MigrationActionData>
{
    // Migration ids are 16 hex characters; anything else is not one of ours and is not looked up.
    private const int MaxIdLength = 64;

    protected MigrationService Migrations => migrations;

    protected override async Task<CardActionResult> OnActionAsync(CardActionContext<MigrationActionData> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var text = texts.ForLocale(action.TurnContext.Activity.Locale);
        var seller = SellerIdentities.From(action.TurnContext.Activity);
        if (seller is null)
        {
            return CardActionResult.Message(text["seller.notEntitled.notPartnerTenant"]);
        }

        if (action.Data.MigrationId.Length is 0 or > MaxIdLength || !action.Data.MigrationId.All(char.IsAsciiLetterOrDigit))
        {
            return CardActionResult.Message(text["migrationNotFound"]);
        }

        var result = await RunAsync(action.Data, seller, cancellationToken);
        return result switch
        {
            { Status: CommandStatus.Done, Migration: { } migration } => await AnswerAsync(migration, text, seller, cancellationToken),
            { Status: CommandStatus.NotFound } or { Migration: null, Reason: null } => CardActionResult.Message(text["migrationNotFound"]),
            { Status: CommandStatus.WrongState, Migration: { } current } => CardActionResult.Message(
                text.Format("migrationWrongState", MigrationCards.StateText(current, text, current.Licences.Moved, current.Licences.Failed, current.UserCount))),
            { Reason: { } reason } => CardActionResult.Message($"{text.Text(reason)} {text.Action(reason)}"),
            _ => CardActionResult.Message(text["migrationNotFound"]),
        };
    }

    protected abstract Task<CommandResult> RunAsync(MigrationActionData data, SellerIdentity seller, CancellationToken cancellationToken);

    /// <summary>By default the migration's card as it now stands replaces the clicked one.</summary>
    protected virtual async Task<CardActionResult> AnswerAsync(MigrationRecord migration, TextTable texts, SellerIdentity seller, CancellationToken cancellationToken) =>
        CardActionResult.Card((await cards.RenderAsync(migration, texts, seller, null, cancellationToken)).Content!.Value);
}
