using System.Collections;
using KaizalaBot.BotFramework.Diagnostics;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>
/// The logging scope of one turn: every log line written while it runs (the bot's, the connector's, storage's) carries
/// the conversation and activity ids, for inbound and proactive turns alike. The ids come from the request, so they are
/// kept as <see cref="LogValue"/> renders them (bounded, control characters escaped), once for all the turn's lines.
/// </summary>
internal sealed record TurnLogScope(string? ConversationId, string? ActivityId, string Kind) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public string? ConversationId { get; } = LogValue.Sanitize(ConversationId);

    public string? ActivityId { get; } = LogValue.Sanitize(ActivityId);

    public int Count => 3;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("ConversationId", ConversationId),
        1 => new("ActivityId", ActivityId),
        2 => new("TurnKind", Kind),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{Kind} turn, conversation {ConversationId}, activity {ActivityId}";
}
