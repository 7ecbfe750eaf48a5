namespace KaizalaBot.Testing.Protocol;

/// <summary>What the fake connector answers next.</summary>
public sealed record ScriptedResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null);
