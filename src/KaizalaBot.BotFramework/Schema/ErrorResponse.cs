namespace KaizalaBot.BotFramework.Schema;

/// <summary>The connector's error body: <c>{"error":{"code","message"}}</c>.</summary>
public sealed record ErrorResponse(ErrorBody? Error);
