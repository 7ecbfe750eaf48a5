using System.Buffers;
using System.Text.Json;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Storage;

namespace KaizalaBot.BotFramework.State;

/// <summary>
/// The SDK's <c>BotState</c> (protocol ref. §8.2): one JSON document per key, read once per turn and cached in
/// the turn state, written back only when it changed. Unlike the SDK, the write is conditional (IfMatch the ETag
/// read, or CreateOnly), so a concurrent change makes <see cref="SaveChangesAsync"/> throw
/// <see cref="StorageConflictException"/> instead of being overwritten; <see cref="CloudAdapter"/> then re-runs the turn.
/// </summary>
public abstract class BotState
{
    private const int WriterGrowth = 4096;

    private readonly IStorage _storage;
    private readonly string _cacheKey;

    protected BotState(IStorage storage, string stateName)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrEmpty(stateName);

        _storage = storage;
        _cacheKey = "BotState." + stateName;
    }

    public IStatePropertyAccessor<T> CreateProperty<T>(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);

        return new StatePropertyAccessor<T>(this, name);
    }

    /// <summary>Reads the document once per turn (again when <paramref name="force"/>).</summary>
    public async Task LoadAsync(ITurnContext turnContext, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        if (!force && turnContext.TurnState.ContainsKey(_cacheKey))
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var document = await _storage.ReadAsync(key, cancellationToken);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (document is { Content.ValueKind: JsonValueKind.Object })
        {
            foreach (var property in document.Content.EnumerateObject())
            {
                values[property.Name] = property.Value.Clone();
            }
        }

        // The document as stored is what this class wrote (the stores keep the JSON text they are given), so its text
        // stands for the snapshot: re-serialising every value at load only to compare at save was half of
        // BotState.Serialize's share of a dialog turn, and a 30-40 KB buffer. A document written differently (by hand,
        // indented) no longer compares equal, so its first turn writes it once in this form even when nothing changed.
        var cached = new CachedBotState { Values = values, ETag = document?.ETag };
        cached.Read(document?.Content);
        turnContext.TurnState[_cacheKey] = cached;
    }

    /// <summary>Writes the document if it changed (always when <paramref name="force"/>), under its ETag.</summary>
    public async Task SaveChangesAsync(ITurnContext turnContext, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        if (!turnContext.TurnState.TryGetValue(_cacheKey, out var value))
        {
            return;
        }

        var cached = (CachedBotState)value;
        var snapshot = Serialize(cached.Values, cached.Snapshot.Length + (cached.Snapshot.Length / 2));
        if (!force && snapshot.Span.SequenceEqual(cached.Snapshot))
        {
            return;
        }

        if (cached.ETag is null && cached.Values.Count == 0)
        {
            return;
        }

        var condition = cached.ETag is null ? WriteCondition.CreateOnly : WriteCondition.IfMatch(cached.ETag);
        // Parsed over the snapshot's own bytes (no copy); a store is done with the content once its write returns.
        using var content = JsonDocument.Parse(snapshot);
        cached.ETag = await _storage.WriteAsync(GetStorageKey(turnContext), content.RootElement, condition, cancellationToken);
        cached.Written(snapshot);
    }

    /// <summary>Empties the cached document; the next save writes the empty document.</summary>
    public void ClearState(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        if (turnContext.TurnState.TryGetValue(_cacheKey, out var value))
        {
            ((CachedBotState)value).Values.Clear();
        }
    }

    /// <summary>The storage key of the document this turn uses.</summary>
    protected internal abstract string GetStorageKey(ITurnContext turnContext);

    internal bool TryGetPropertyValue<T>(ITurnContext turnContext, string name, out T? value)
    {
        var values = GetCache(turnContext).Values;
        if (!values.TryGetValue(name, out var stored) || stored is null)
        {
            value = default;
            return false;
        }

        if (stored is JsonElement element && typeof(T) != typeof(JsonElement))
        {
            // A dialog stack is read over the stored element rather than copied (DialogStateReader says why).
            value = typeof(T) == typeof(DialogState) ? (T)(object)DialogStateReader.Read(element) : element.Deserialize<T>(BotJson.Options);
            values[name] = value;
            return true;
        }

        value = stored is T typed
            ? typed
            : throw new InvalidOperationException($"State property '{name}' holds a {stored.GetType().Name}, not a {typeof(T).Name}.");
        return true;
    }

    internal void SetPropertyValue<T>(ITurnContext turnContext, string name, T value) =>
        GetCache(turnContext).Values[name] = value;

    internal void DeletePropertyValue(ITurnContext turnContext, string name) =>
        GetCache(turnContext).Values.Remove(name);

    private CachedBotState GetCache(ITurnContext turnContext) =>
        turnContext.TurnState.TryGetValue(_cacheKey, out var value)
            ? (CachedBotState)value
            : throw new InvalidOperationException("State must be loaded before it is used.");

    // Straight to UTF-8, the values as they are (stored elements written back as read, typed ones serialised): a dialog
    // stack holds its prompt's card, so the JSON-node tree and string this used to build twice a turn were a large share
    // of a dialog turn's CPU and allocations. Sized from the document's last size, so the buffer is allocated once
    // rather than doubled up from 256 bytes, and kept as it is (no copy to an exact-size array). The writer asks for
    // 4 KB more whenever its space runs out, even to close the document, hence the margin.
    private static ReadOnlyMemory<byte> Serialize(Dictionary<string, object?> values, int sizeHint)
    {
        var buffer = new ArrayBufferWriter<byte>(sizeHint + WriterGrowth);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = BotJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in values)
            {
                writer.WritePropertyName(name);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    JsonSerializer.Serialize(writer, value, value.GetType(), BotJson.Options);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
