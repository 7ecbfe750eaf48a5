using System.Text.Json;
using System.Text.Json.Nodes;

namespace KaizalaBot.BotFramework.Dialogs;

/// <summary>
/// Reads a stored dialog stack without copying it. The serialiser copied every instance's state into a JSON document of
/// its own (and a component's inner stack once more, written out and read back), although a turn looks at a few small
/// values of it and leaves the rest, a prompt's card among it, as it was read: that was a tenth of a migration turn's
/// allocations. Here each instance's state is a <see cref="JsonObject"/> over the stored element, built only when a
/// value is first looked at, and written back from that element when nothing in it changed. Same rules as the
/// serialiser with <see cref="Schema.BotJson.Options"/>: names case-insensitive, unknown ones ignored, <c>id</c> and
/// <c>instanceId</c> required (a <see cref="JsonException"/> otherwise).
/// </summary>
internal static class DialogStateReader
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>
    /// A stack as stored: its element must outlive the turn's use of it (the state's loaded values are elements of a
    /// document of their own, which is never disposed).
    /// </summary>
    public static DialogState Read(JsonElement stored) => Read(JsonObject.Create(stored, NodeOptions)
        ?? throw new JsonException("A dialog stack is null."));

    /// <summary>
    /// A stack kept as nodes (a component's inner stack, inside its instance state). Each instance's state node is
    /// taken out of <paramref name="stored"/>, which is left behind, rather than copied.
    /// </summary>
    public static DialogState Read(JsonObject stored)
    {
        ArgumentNullException.ThrowIfNull(stored);

        var stack = new List<DialogInstance>();
        if (stored["dialogStack"] is { } entries)
        {
            foreach (var entry in entries as JsonArray ?? throw new JsonException("dialogStack is not an array."))
            {
                stack.Add(ReadInstance(entry as JsonObject ?? throw new JsonException("A dialog stack entry is not an object.")));
            }
        }

        return new DialogState { DialogStack = stack, Owner = Text(stored, "owner", required: false) };
    }

    private static DialogInstance ReadInstance(JsonObject entry)
    {
        var state = entry["state"] switch
        {
            null => [],
            JsonObject found => found,
            _ => throw new JsonException("A dialog instance's state is not an object."),
        };
        if (state.Parent is not null)
        {
            entry.Remove(PropertyName(entry, state));
        }

        return new DialogInstance
        {
            Id = Text(entry, "id", required: true)!,
            InstanceId = Text(entry, "instanceId", required: true)!,
            Version = Text(entry, "version", required: false),
            State = state,
        };
    }

    // The name as stored (the lookup is case-insensitive, the removal needs the key itself).
    private static string PropertyName(JsonObject entry, JsonNode value) => entry.First(p => ReferenceEquals(p.Value, value)).Key;

    private static string? Text(JsonObject node, string name, bool required) => node[name] switch
    {
        null when required => throw new JsonException($"A dialog stack entry has no {name}."),
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw new JsonException($"{name} is not a string."),
    };
}
