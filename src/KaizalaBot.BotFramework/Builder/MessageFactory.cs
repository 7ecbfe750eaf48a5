using System.Text.Json;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>The SDK's <c>MessageFactory</c>: short-hands for outgoing message activities.</summary>
public static class MessageFactory
{
    public static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text };

    public static Activity Attachment(Attachment attachment) =>
        new() { Type = ActivityTypes.Message, Attachments = [attachment] };

    /// <summary>A message carrying one Adaptive Card.</summary>
    public static Activity AdaptiveCard(JsonElement card) =>
        Attachment(new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card });
}
