namespace KaizalaBot.Reliability;

/// <summary>One call of the bot to the seller's chat connector, and the status the connector answered.</summary>
internal sealed record ChatExchange(string Method, string Path, string Body, int Status);
