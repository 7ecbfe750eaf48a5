namespace KaizalaBot.BotFramework.Tests.Support.Protocol;

/// <summary>What the fake connector answers next.</summary>
internal sealed record ScriptedResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null);
