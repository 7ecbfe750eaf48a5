using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>
/// The table of bot-level card actions (architecture §4): a click whose verb has a route is handled by it, ahead of the
/// dialog, whatever dialog is running. <c>Action.Execute</c> (an invoke) and <c>Action.Submit</c> (a message whose value
/// carries <c>verb</c>) reach the same route, and its answer is delivered the way the click came: a card replaces the
/// clicked card (the invoke answer, or an update of the clicked message), a message is a toast or a chat message.
/// </summary>
public sealed partial class CardActionRouter
{
    private readonly Dictionary<string, ICardActionRoute> _routes = new(StringComparer.Ordinal);
    private readonly CardPromptMessages _messages;
    private readonly ILogger<CardActionRouter> _logger;

    public CardActionRouter(IEnumerable<ICardActionRoute> routes, ILogger<CardActionRouter> logger, CardPromptMessages? messages = null)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(logger);

        foreach (var route in routes)
        {
            if (!_routes.TryAdd(route.Verb, route))
            {
                throw new ArgumentException($"Two card action routes claim the verb '{route.Verb}'.", nameof(routes));
            }
        }

        _messages = messages ?? CardPromptMessages.Default;
        _logger = logger;
    }

    /// <summary>Runs the route of this turn's card action; false when the turn is not a click or no route has its verb.</summary>
    public async Task<bool> TryRouteAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        if (CardClick.TryRead(turnContext.Activity) is not { Verb: { } verb } click || !_routes.TryGetValue(verb, out var route))
        {
            return false;
        }

        var result = await route.RunAsync(turnContext, click.ToSubmission(), click.IsRefresh, cancellationToken);
        await DeliverAsync(turnContext, click, result, cancellationToken);
        return true;
    }

    private async Task DeliverAsync(ITurnContext turnContext, CardClick click, CardActionResult result, CancellationToken cancellationToken)
    {
        var execute = click.Kind == CardSubmissionKind.Execute;
        switch (result.Kind)
        {
            case CardActionResultKind.Card when execute:
                turnContext.SetInvokeResponse(InvokeResponses.Card(result.CardContent!.Value));
                break;
            case CardActionResultKind.Card:
                var card = MessageFactory.AdaptiveCard(result.CardContent!.Value);
                await (turnContext.Activity.ReplyToId is { Length: > 0 } clicked
                    ? turnContext.UpdateActivityAsync(card with { Id = clicked }, cancellationToken)
                    : turnContext.SendActivityAsync(card, cancellationToken));
                break;
            case CardActionResultKind.Message when execute:
                turnContext.SetInvokeResponse(InvokeResponses.Message(result.Text!));
                break;
            case CardActionResultKind.Message:
                await turnContext.SendActivityAsync(MessageFactory.Text(result.Text!), cancellationToken);
                break;
            case CardActionResultKind.InvalidData:
                // A forged, tampered or outdated card: the caller's mistake, refused without changing anything.
                LogInvalidData(click.Verb!, click.Kind);
                if (execute)
                {
                    turnContext.SetInvokeResponse(InvokeResponses.Error(400, "BadRequest", "The card's data does not fit this action."));
                }
                else
                {
                    await turnContext.SendActivityAsync(MessageFactory.Text(_messages.StaleCard(turnContext)), cancellationToken);
                }

                break;
            case CardActionResultKind.None when execute:
                turnContext.SetInvokeResponse(click.IsRefresh ? InvokeResponses.Unchanged() : InvokeResponses.Message(_messages.Accepted(turnContext)));
                break;

            // Nothing to a Submit: it is a chat message, which needs no answer of its own.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action {Verb} ({Kind}) refused: its data does not fit the route")]
    private partial void LogInvalidData(string verb, CardSubmissionKind kind);
}
