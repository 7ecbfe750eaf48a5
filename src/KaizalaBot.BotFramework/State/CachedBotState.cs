using System.Runtime.InteropServices;
using System.Text.Json;

namespace KaizalaBot.BotFramework.State;

/// <summary>
/// One state document as loaded in a turn. Values are the stored <c>JsonElement</c> until a typed accessor
/// first reads them, then the typed object (so in-place changes to it are saved).
/// </summary>
internal sealed class CachedBotState
{
    // What BotState writes for no values: the snapshot of a missing document, or of one that is not an object.
    private static readonly ReadOnlyMemory<byte> EmptyDocument = "{}"u8.ToArray();

    private JsonElement _stored;
    private ReadOnlyMemory<byte> _written = EmptyDocument;

    public required Dictionary<string, object?> Values { get; init; }

    /// <summary>The ETag read, or <c>null</c> when the document did not exist (the save is then create-only).</summary>
    public string? ETag { get; set; }

    /// <summary>
    /// The document's JSON (UTF-8) as last read or written; a save with the same JSON writes nothing. As read, it is the
    /// stored element's own text, not a copy (the stores keep the text they are given, which is what BotState wrote).
    /// </summary>
    public ReadOnlySpan<byte> Snapshot => _stored.ValueKind == JsonValueKind.Object ? JsonMarshal.GetRawUtf8Value(_stored) : _written.Span;

    public void Read(JsonElement? stored) => _stored = stored ?? default;

    public void Written(ReadOnlyMemory<byte> json)
    {
        _stored = default;
        _written = json;
    }
}
