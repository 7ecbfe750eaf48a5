using System.Text.Json;
using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>
/// A card action whose data is read into <typeparamref name="TData"/> (a record; its <c>required</c> members must be
/// present): a click whose data does not fit is refused before the route sees it. Override
/// <see cref="OnActionAsync"/>, and <see cref="OnRefreshAsync"/> when the card has a <c>refresh</c> and a current view
/// worth recomputing (by default a refresh leaves the card as it is).
/// </summary>
public abstract class CardActionRoute<TData> : ICardActionRoute
    where TData : class
{
    public abstract string Verb { get; }

    public async Task<CardActionResult> RunAsync(ITurnContext turnContext, CardSubmission action, bool isRefresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(action);

        if (Read(action.Data) is not { } data)
        {
            return CardActionResult.InvalidData;
        }

        var context = new CardActionContext<TData>(turnContext, data, action);
        return isRefresh
            ? await OnRefreshAsync(context, cancellationToken)
            : await OnActionAsync(context, cancellationToken);
    }

    /// <summary>The user clicked: act, and answer with a card, a message or <see cref="CardActionResult.None"/>.</summary>
    protected abstract Task<CardActionResult> OnActionAsync(CardActionContext<TData> action, CancellationToken cancellationToken);

    /// <summary>Teams asks for the card's current view (<c>trigger: "automatic"</c>); must not change anything.</summary>
    protected virtual Task<CardActionResult> OnRefreshAsync(CardActionContext<TData> action, CancellationToken cancellationToken) =>
        Task.FromResult(CardActionResult.None);

    private static TData? Read(JsonElement data)
    {
        try
        {
            return data.ValueKind == JsonValueKind.Object ? data.Deserialize<TData>(BotJson.Options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
