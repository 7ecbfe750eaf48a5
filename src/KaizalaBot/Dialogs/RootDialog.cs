using KaizalaBot.BotFramework.Dialogs;

namespace KaizalaBot.Dialogs;

/// <summary>
/// The bottom of every seller's dialog stack. Conversations start from commands, never from free text, so beginning
/// the root ends it at once; commands push their dialogs on top of it (the migration dialog joins in its issue), and
/// card clicks are matched against whatever prompt is waiting.
/// </summary>
public sealed class RootDialog : ComponentDialog
{
    public RootDialog()
        : base(nameof(RootDialog))
    {
    }

    protected override Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.EndDialogAsync(null, cancellationToken);
    }
}
