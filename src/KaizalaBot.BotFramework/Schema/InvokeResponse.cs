using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.BotFramework.Schema;

/// <summary>
/// What an invoke turn answers in its HTTP response: the HTTP <see cref="Status"/> and a body, which for
/// <c>adaptiveCard/action</c> is an <see cref="AdaptiveCardInvokeResponse"/>.
/// </summary>
/// <remarks>
/// A body can also be kept as a JSON value between two runs of UTF-8 JSON the bot wrote (<see cref="Around"/>): the HTTP
/// answer writes the three straight to the response, and only a reader of <see cref="Body"/> (a test) pays for joining
/// and parsing them. An Execute click's answer is the whole next card, 10-20 KB: parsing the answer into an element only
/// to send its bytes was a parse and two copies of the card on every clicked turn.
/// </remarks>
public sealed record InvokeResponse
{
    private readonly JsonElement? _body;
    private readonly ReadOnlyMemory<byte> _before;
    private readonly JsonElement? _value;
    private readonly ReadOnlyMemory<byte> _after;

    [JsonConstructor]
    public InvokeResponse(int status, JsonElement? body)
    {
        Status = status;
        _body = body;
    }

    private InvokeResponse(int status, ReadOnlyMemory<byte> before, JsonElement value, ReadOnlyMemory<byte> after)
    {
        Status = status;
        _before = before;
        _value = value;
        _after = after;
    }

    public int Status { get; init; }

    public JsonElement? Body => _body ?? (_value is null ? null : JsonElement.Parse(ToArray()));

    internal bool HasBody => _body is not null || _value is not null;

    /// <summary>The length in bytes of the body as <see cref="WriteBody"/> writes it (0 for none).</summary>
    internal int BodyLength => _body is { } body
        ? JsonMarshal.GetRawUtf8Value(body).Length
        : _value is { } value ? _before.Length + JsonMarshal.GetRawUtf8Value(value).Length + _after.Length : 0;

    /// <summary>
    /// An answer whose body is <paramref name="before"/>, <paramref name="value"/>'s own bytes, then
    /// <paramref name="after"/>: the caller guarantees that together they are one JSON value.
    /// </summary>
    internal static InvokeResponse Around(int status, ReadOnlyMemory<byte> before, JsonElement value, ReadOnlyMemory<byte> after) =>
        new(status, before, value, after);

    /// <summary>Writes the body's UTF-8 JSON as it goes out, without copying it first.</summary>
    internal void WriteBody(IBufferWriter<byte> output)
    {
        if (_body is { } body)
        {
            output.Write(JsonMarshal.GetRawUtf8Value(body));
        }
        else if (_value is { } value)
        {
            output.Write(_before.Span);
            output.Write(JsonMarshal.GetRawUtf8Value(value));
            output.Write(_after.Span);
        }
    }

    private byte[] ToArray()
    {
        var buffer = new ArrayBufferWriter<byte>(BodyLength);
        WriteBody(buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
