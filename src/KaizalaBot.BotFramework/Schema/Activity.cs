using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.BotFramework.Schema;

/// <summary>
/// A Bot Framework activity as it travels on the wire (camelCase, nulls omitted). Fields this bot does not
/// model are kept in <see cref="Properties"/> so that a received activity round-trips unchanged.
/// </summary>
public sealed record Activity
{
    public required string Type { get; init; }

    public string? Id { get; init; }

    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; init; }

    public DateTimeOffset? LocalTimestamp { get; init; }

    public string? LocalTimezone { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public string? TextFormat { get; init; }

    public string? AttachmentLayout { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    public string? TopicName { get; init; }

    public string? Locale { get; init; }

    public string? Text { get; init; }

    public string? Speak { get; init; }

    public string? InputHint { get; init; }

    public string? Summary { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public IReadOnlyList<Entity>? Entities { get; init; }

    /// <summary>Channel-specific payload; for Teams see <see cref="TeamsChannelData"/>.</summary>
    public JsonElement? ChannelData { get; init; }

    /// <summary><c>add</c>, <c>remove</c>, <c>add-upgrade</c>, <c>remove-upgrade</c> on installationUpdate.</summary>
    public string? Action { get; init; }

    public string? ReplyToId { get; init; }

    public string? Label { get; init; }

    public string? ValueType { get; init; }

    /// <summary>Card submit data (message), invoke payload (invoke) or event payload (event).</summary>
    public JsonElement? Value { get; init; }

    /// <summary>Operation name of an invoke or event activity, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; init; }

    public ConversationReference? RelatesTo { get; init; }

    public string? Code { get; init; }

    public string? Importance { get; init; }

    public string? DeliveryMode { get; init; }

    public string? CallerId { get; init; }

    /// <summary>Every field not modelled above, preserved for the round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; init; }
}
