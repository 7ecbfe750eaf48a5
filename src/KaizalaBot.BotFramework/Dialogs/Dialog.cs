using KaizalaBot.BotFramework.Builder;

namespace KaizalaBot.BotFramework.Dialogs;

/// <summary>The SDK's <c>Dialog</c> (protocol ref. §8.3).</summary>
public abstract class Dialog
{
    /// <summary>The result a step returns to wait for the user's next turn.</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    protected Dialog(string dialogId)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);

        Id = dialogId;
    }

    public string Id { get; }

    /// <summary>
    /// What the dialog is, as far as a stack saved by an older build is concerned: an instance begun under another
    /// version is ended with a message rather than resumed at a step that may have moved. By default the id; dialogs
    /// with steps include their shape.
    /// </summary>
    public virtual string GetVersion() => Id;

    /// <summary>A short, stable digest of <paramref name="parts"/>, for <see cref="GetVersion"/>.</summary>
    protected static string Digest(IEnumerable<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);

        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 8));
    }

    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    /// <summary>The user answered while this dialog was active; by default the dialog ends.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);

        return dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>A dialog this one started has ended; by default this one ends too, passing the result up.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(
        DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);

        return dc.EndDialogAsync(result, cancellationToken);
    }

    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Clean-up hook called as the instance leaves the stack.</summary>
    public virtual Task EndDialogAsync(
        ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
