namespace KaizalaBot.BotFramework.Schema;

/// <summary>The connector's answer to a send/reply/update: the activity id to keep for later updates.</summary>
public sealed record ResourceResponse(string? Id);
