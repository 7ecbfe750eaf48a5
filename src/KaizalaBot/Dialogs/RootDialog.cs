using KaizalaBot.BotFramework.Dialogs;
using KaizalaBot.Dialogs.Migration;

namespace KaizalaBot.Dialogs;

/// <summary>
/// The bottom of every seller's dialog stack. Conversations start from commands (or a reminder's button), never from
/// free text: begun with <see cref="MigrationDialogOptions"/> it runs the <see cref="MigrationDialog"/>, begun with
/// anything else it ends at once. Card clicks are matched against whatever prompt is waiting inside.
/// </summary>
internal sealed class RootDialog : ComponentDialog
{
    public RootDialog(MigrationDialog migration)
        : base(nameof(RootDialog))
    {
        AddDialog(migration);
    }

    protected override Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return options is MigrationDialogOptions migration
            ? innerDc.BeginDialogAsync(MigrationDialog.DialogId, migration, cancellationToken)
            : innerDc.EndDialogAsync(null, cancellationToken);
    }
}
