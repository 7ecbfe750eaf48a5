using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>
/// The card a step waits with and the state as it offers it (what the card offers); for work still running in the
/// background, a <see cref="LiveView"/> instead, which <see cref="MigrationCardPrompt"/> draws (and redraws in place as
/// the work progresses).
/// </summary>
internal sealed record StepCard(Attachment? Card, MigrationDialogState State, LiveView? Live = null)
{
    public static StepCard Waiting(MigrationDialogState state, LiveView live) => new(null, state, live);
}
