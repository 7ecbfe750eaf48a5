namespace KaizalaBot.BotFramework.Dialogs;

/// <summary>What a dialog operation left behind: the status and, on completion, the result of the ended dialog.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null);
