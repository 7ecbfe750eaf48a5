using System.Text.Json;

namespace KaizalaBot.BotFramework.Schema;

/// <summary>
/// Builds a <see cref="JsonElement"/> by writing it: the bytes go to a pooled buffer, and the element keeps one exact
/// copy of them. For cards (10-20 KB, several a turn) this is the only allocation of their text, where a growing
/// buffer of its own would allocate it two or three times more.
/// </summary>
public static class JsonElements
{
    public static JsonElement Write<TState>(TState state, Action<Utf8JsonWriter, TState> write, int sizeHint)
    {
        ArgumentNullException.ThrowIfNull(write);

        using var buffer = new PooledBufferWriter(sizeHint);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = BotJson.Options.Encoder, SkipValidation = true }))
        {
            write(writer, state);
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }
}
