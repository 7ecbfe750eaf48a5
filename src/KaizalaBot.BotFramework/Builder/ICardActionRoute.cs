using KaizalaBot.BotFramework.Dialogs.Prompts;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>
/// A bot-level card action: one verb, handled ahead of any dialog, for <c>Action.Execute</c> and <c>Action.Submit</c>
/// alike (see <see cref="CardActionRouter"/>). Derive from <see cref="CardActionRoute{TData}"/> for typed data.
/// </summary>
public interface ICardActionRoute
{
    /// <summary>The <c>verb</c> of the <c>Action.Execute</c> (and the <c>data.verb</c> of its <c>Action.Submit</c> fallback).</summary>
    string Verb { get; }

    /// <summary>Handles a click (or, when <paramref name="isRefresh"/>, a refresh: show the current view, change nothing).</summary>
    Task<CardActionResult> RunAsync(ITurnContext turnContext, CardSubmission action, bool isRefresh, CancellationToken cancellationToken);
}
