using System.Text;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>The <c>adaptiveCard/action</c> answers of protocol ref. §5.4, as HTTP 200 invoke responses.</summary>
public static class InvokeResponses
{
    // The answer's JSON before and after the card ("type" needs no escaping).
    private static readonly byte[] CardAnswerStart = Encoding.UTF8.GetBytes($$"""{"statusCode":200,"type":"{{ContentTypes.AdaptiveCard}}","value":""");
    private static readonly byte[] CardAnswerEnd = "}"u8.ToArray();

    /// <summary>The client replaces the clicked card with <paramref name="card"/> (for the clicking user).</summary>
    /// <remarks>
    /// The <see cref="AdaptiveCardInvokeResponse"/> kept as its JSON around the card's own bytes, written to the HTTP
    /// answer as they are: serialising the record would re-encode the 10-20 KB card token by token on every clicked turn,
    /// and writing it into a body of its own would copy it, only to send it.
    /// </remarks>
    public static InvokeResponse Card(JsonElement card) => InvokeResponse.Around(200, CardAnswerStart, card, CardAnswerEnd);

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
