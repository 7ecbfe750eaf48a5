using System.Runtime.InteropServices;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>The <c>adaptiveCard/action</c> answers of protocol ref. §5.4, as HTTP 200 invoke responses.</summary>
public static class InvokeResponses
{
    /// <summary>The client replaces the clicked card with <paramref name="card"/> (for the clicking user).</summary>
    /// <remarks>
    /// The <see cref="AdaptiveCardInvokeResponse"/> written by hand around the card's own bytes: serialising the record
    /// would re-encode the 10-20 KB card token by token on every clicked turn only to copy it. Kept as bytes, since the
    /// HTTP answer only sends them.
    /// </remarks>
    public static InvokeResponse Card(JsonElement card)
    {
        var body = JsonElements.WriteUtf8(
            card,
            static (writer, card) =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("statusCode", 200);
                writer.WriteString("type", ContentTypes.AdaptiveCard);
                writer.WritePropertyName("value");
                writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(card), skipInputValidation: true);
                writer.WriteEndObject();
            },
            JsonMarshal.GetRawUtf8Value(card).Length + 128);
        return InvokeResponse.FromUtf8(200, body);
    }

    /// <summary>The client shows <paramref name="text"/> briefly and leaves the card as it is.</summary>
    public static InvokeResponse Message(string text) =>
        Create(new AdaptiveCardInvokeResponse
        {
            Type = ContentTypes.ActivityMessage,
            Value = JsonSerializer.SerializeToElement(text, BotJson.Options),
        });

    /// <summary>HTTP 200 with no body: the client keeps the card as it shows it (the answer to a refresh with nothing new).</summary>
    public static InvokeResponse Unchanged() => new(200, null);

    /// <summary>An error answer: <paramref name="statusCode"/> 400 or 500 with <c>{code, message}</c>.</summary>
    public static InvokeResponse Error(int statusCode, string code, string message) =>
        Create(new AdaptiveCardInvokeResponse
        {
            StatusCode = statusCode,
            Type = ContentTypes.Error,
            Value = JsonSerializer.SerializeToElement(new ErrorBody { Code = code, Message = message }, BotJson.Options),
        });

    private static InvokeResponse Create(AdaptiveCardInvokeResponse body) =>
        new(200, JsonSerializer.SerializeToElement(body, BotJson.Options));
}
