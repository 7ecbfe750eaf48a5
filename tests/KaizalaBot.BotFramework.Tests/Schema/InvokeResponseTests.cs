using System.Buffers;
using System.Text;
using System.Text.Json;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Tests.Schema;

/// <summary>A card answer kept around the card's own bytes still reads as the same body, and the other answers are unchanged.</summary>
public sealed class InvokeResponseTests
{
    [Fact]
    public void Card_KeptAroundTheCard_ReadsAsTheAnswer()
    {
        var card = JsonElement.Parse("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Révision"}]}""");

        var response = InvokeResponses.Card(card);

        Assert.Equal(200, response.Status);
        Assert.True(response.HasBody);
        var body = response.Body!.Value;
        Assert.Equal(ContentTypes.AdaptiveCard, body.GetProperty("type").GetString());
        Assert.Equal("Révision", body.GetProperty("value").GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal(body.GetRawText(), Sent(response));
        Assert.Equal(Encoding.UTF8.GetByteCount(Sent(response)), response.BodyLength);
    }

    [Fact]
    public void Answer_FromAnElement_SendsItsBytes_AndOneWithoutBodySendsNone()
    {
        var message = InvokeResponses.Message("pong");
        var unchanged = InvokeResponses.Unchanged();

        Assert.Equal(message.Body!.Value.GetRawText(), Sent(message));
        Assert.Equal(Encoding.UTF8.GetByteCount(Sent(message)), message.BodyLength);
        Assert.False(unchanged.HasBody);
        Assert.Equal(0, unchanged.BodyLength);
        Assert.Equal("", Sent(unchanged));
        Assert.Equal(new InvokeResponse(200, null), unchanged);
    }

    [Fact]
    public void InvokeResponse_ReadFromJson_KeepsStatusAndBody()
    {
        var read = JsonSerializer.Deserialize<InvokeResponse>("""{"status":200,"body":{"statusCode":200}}""", BotJson.Options)!;

        Assert.Equal(200, read.Status);
        Assert.Equal(200, read.Body!.Value.GetProperty("statusCode").GetInt32());
    }

    private static string Sent(InvokeResponse response)
    {
        var output = new ArrayBufferWriter<byte>();
        response.WriteBody(output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
