using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.MigrationHost;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>
/// <em>Confirm</em>: the checks run again at the click (the card may be old, or its disabled button forged), then the
/// engine writes the migration and returns; the migration's card replaces the review card, and the runner updates that
/// same message from then on. A second click on the same card is stale (the prompt is gone), and a second migration of
/// the same subscription is refused by the engine, so nothing is ever bought twice from here.
/// </summary>
internal sealed class MigrationConfirmation(MigrationPlanner planner, MigrationService migrations, MigrationSelections selections, MigrationCards migrationCards)
{
    public async Task<StepOutcome> ConfirmAsync(MigrationTurn turn, CancellationToken cancellationToken)
    {
        var (state, texts) = (turn.State, turn.Texts);
        if (await selections.HoldersAsync(state, cancellationToken) is not { } holders)
        {
            return StepOutcome.Show(state.GoTo(MigrationStage.Users));
        }

        var draft = MigrationDrafts.Build(turn, MigrationSelections.Selected(state, holders)).ForThisChat(turn.Context);
        var check = await planner.PreviewAsync(draft, cancellationToken);
        if (!check.CanConfirm)
        {
            return StepOutcome.Show(state.Say(texts["migrationConfirmRefused"]));
        }

        var result = await migrations.ConfirmAsync(draft, cancellationToken);
        return result switch
        {
            { Status: CommandStatus.Done, Migration: { } started } => StepOutcome.End(started.ProgressActivityId is null
                ? MessageFactory.Text(texts["migrationStartedCardFollows"])
                : MessageFactory.Attachment(await migrationCards.RenderAsync(started, texts, turn.Seller, null, cancellationToken))),
            { Status: CommandStatus.AlreadyActive, Migration: { } active } =>
                StepOutcome.End(MessageFactory.Attachment(await migrationCards.RenderAsync(active, texts, turn.Seller, null, cancellationToken))),
            { Status: CommandStatus.Refused, Reason: { } refusal } => StepOutcome.End(MessageFactory.Text($"{texts.Text(refusal)} {texts.Action(refusal)}")),
            { Reason: { } reason } => StepOutcome.Show(state.Say($"{texts.Text(reason)} {texts.Action(reason)}")),
            _ => StepOutcome.Show(state.Say(texts["migrationConfirmRefused"])),
        };
    }
}
