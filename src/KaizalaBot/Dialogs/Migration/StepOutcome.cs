using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>
/// What an answer leads to: the dialog goes on with <see cref="State"/> (the same step again, with a notice, or the
/// next one), or ends with <see cref="Reply"/> (the card or text that replaces the clicked card).
/// </summary>
internal sealed record StepOutcome(MigrationDialogState? State, Activity? Reply)
{
    public static StepOutcome Show(MigrationDialogState state) => new(state, null);

    public static StepOutcome End(Activity reply) => new(null, reply);
}
