using KaizalaBot.BotFramework.Dialogs.Prompts;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>A click on a card action as its route sees it: the turn, the action's data typed, and the raw submission.</summary>
public sealed record CardActionContext<TData>(ITurnContext TurnContext, TData Data, CardSubmission Submission);
