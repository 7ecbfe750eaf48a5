namespace KaizalaBot.Reliability;

/// <summary>One call of the bot to the seller's chat connector, the status the connector answered and, on a 2xx, the activity id it gave.</summary>
public sealed record ChatExchange(string Method, string Path, string Body, int Status, string? AnsweredId = null);
