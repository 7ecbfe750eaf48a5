namespace KaizalaBot.BotFramework.Connector;

/// <summary>What could be read from an error body.</summary>
internal sealed record ConnectorError(string? Code, string? SubCode, string? Message);
