using System.Text;
using System.Text.Json;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Tests.Schema;

/// <summary>A card answer kept as the bytes it is sent as still reads as the same body, and the other answers are unchanged.</summary>
public sealed class InvokeResponseTests
{
    [Fact]
    public void Card_KeptAsBytes_ReadsAsTheAnswerAroundTheCard()
    {
        var card = JsonElement.Parse("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Révision"}]}""");

        var response = InvokeResponses.Card(card);

        Assert.Equal(200, response.Status);
        Assert.True(response.HasBody);
        var body = response.Body!.Value;
        Assert.Equal(ContentTypes.AdaptiveCard, body.GetProperty("type").GetString());
        Assert.Equal("Révision", body.GetProperty("value").GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal(body.GetRawText(), Encoding.UTF8.GetString(response.Utf8Body));
    }

    [Fact]
    public void Answer_FromAnElement_SendsItsBytes_AndOneWithoutBodySendsNone()
    {
        var message = InvokeResponses.Message("pong");
        var unchanged = InvokeResponses.Unchanged();

        Assert.Equal(message.Body!.Value.GetRawText(), Encoding.UTF8.GetString(message.Utf8Body));
        Assert.False(unchanged.HasBody);
        Assert.True(unchanged.Utf8Body.IsEmpty);
        Assert.Equal(new InvokeResponse(200, null), unchanged);
    }

    [Fact]
    public void InvokeResponse_ReadFromJson_KeepsStatusAndBody()
    {
        var read = JsonSerializer.Deserialize<InvokeResponse>("""{"status":200,"body":{"statusCode":200}}""", BotJson.Options)!;

        Assert.Equal(200, read.Status);
        Assert.Equal(200, read.Body!.Value.GetProperty("statusCode").GetInt32());
    }
}
