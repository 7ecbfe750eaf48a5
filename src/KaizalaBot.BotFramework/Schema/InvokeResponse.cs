using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.BotFramework.Schema;

/// <summary>
/// What an invoke turn answers in its HTTP response: the HTTP <see cref="Status"/> and a body, which for
/// <c>adaptiveCard/action</c> is an <see cref="AdaptiveCardInvokeResponse"/>.
/// </summary>
/// <remarks>
/// A body the bot wrote itself can be kept as its UTF-8 JSON (<see cref="FromUtf8"/>): the HTTP answer sends those bytes
/// as they are, and only a reader of <see cref="Body"/> (a test) pays for parsing them. An Execute click's answer is the
/// whole next card; parsing it into an element only to send its bytes was a 10-20 KB parse on every clicked turn.
/// </remarks>
public sealed record InvokeResponse
{
    private readonly JsonElement? _body;
    private readonly byte[]? _utf8Body;

    [JsonConstructor]
    public InvokeResponse(int status, JsonElement? body)
    {
        Status = status;
        _body = body;
    }

    private InvokeResponse(int status, byte[] utf8Body)
    {
        Status = status;
        _utf8Body = utf8Body;
    }

    public int Status { get; init; }

    public JsonElement? Body => _body ?? (_utf8Body is null ? null : JsonElement.Parse(_utf8Body));

    /// <summary>The body's UTF-8 JSON as it goes out (empty for none).</summary>
    internal ReadOnlySpan<byte> Utf8Body => _utf8Body ?? (_body is { } body ? JsonMarshal.GetRawUtf8Value(body) : default);

    internal bool HasBody => _utf8Body is not null || _body is not null;

    /// <summary>An answer whose body is <paramref name="utf8Json"/>, JSON the bot wrote, kept as it is (not copied).</summary>
    internal static InvokeResponse FromUtf8(int status, byte[] utf8Json) => new(status, utf8Json);
}
