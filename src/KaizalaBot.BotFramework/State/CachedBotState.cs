namespace KaizalaBot.BotFramework.State;

/// <summary>
/// One state document as loaded in a turn. Values are the stored <c>JsonElement</c> until a typed accessor
/// first reads them, then the typed object (so in-place changes to it are saved).
/// </summary>
internal sealed class CachedBotState
{
    public required Dictionary<string, object?> Values { get; init; }

    /// <summary>The ETag read, or <c>null</c> when the document did not exist (the save is then create-only).</summary>
    public string? ETag { get; set; }

    /// <summary>The document's JSON (UTF-8) as last read or written; a save with the same JSON writes nothing.</summary>
    public required ReadOnlyMemory<byte> Snapshot { get; set; }
}
