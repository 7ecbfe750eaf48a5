using System.Text.Json;

namespace KaizalaBot.BotFramework.Schema;

/// <summary>
/// The body answering an <c>adaptiveCard/action</c> invoke: <c>{statusCode, type, value}</c>. With
/// <see cref="ContentTypes.AdaptiveCard"/> the client replaces the card in place; with
/// <see cref="ContentTypes.ActivityMessage"/> it shows the string; with <see cref="ContentTypes.Error"/> an error.
/// </summary>
public sealed record AdaptiveCardInvokeResponse
{
    public int StatusCode { get; init; } = 200;

    public required string Type { get; init; }

    public JsonElement? Value { get; init; }
}
