using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.State;

namespace KaizalaBot.BotFramework.Dialogs;

/// <summary>The dialogs that may run together, by id, and where their stack is persisted.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;

    public DialogSet(IStatePropertyAccessor<DialogState> dialogState)
    {
        ArgumentNullException.ThrowIfNull(dialogState);

        _dialogState = dialogState;
    }

    /// <summary>A set without its own persistence, as used inside a <see cref="ComponentDialog"/>.</summary>
    internal DialogSet()
    {
    }

    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);

        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with id '{dialog.Id}' was already added.", nameof(dialog));
        }

        return this;
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    internal IEnumerable<Dialog> All => _dialogs.Values.OrderBy(d => d.Id, StringComparer.Ordinal);

    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var accessor = _dialogState
            ?? throw new InvalidOperationException("This DialogSet has no state accessor; create it with one.");
        var state = await accessor.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        return new DialogContext(this, turnContext, state!, null);
    }
}
