using System.Text.Json;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Tests.Schema;

public sealed class AttachmentTests
{
    [Fact]
    public void Serialize_Content_IsWrittenAsTheBytesItWasParsedFrom()
    {
        // Escapes and number spellings that a token-by-token writer would change: the text must come out as it went in.
        const string Card = """{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"caf\u00e9 \"x\" <b>"}],"n":1.50,"e":1E3}""";
        var attachment = new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = JsonDocument.Parse(Card).RootElement };

        var json = JsonSerializer.Serialize(attachment, BotJson.Options);

        Assert.Equal($$"""{"contentType":"{{ContentTypes.AdaptiveCard}}","content":{{Card}}}""", json);
    }

    [Fact]
    public void RoundTrip_ContentAndNoContent_AsBefore()
    {
        var withCard = new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = JsonDocument.Parse("""{"a":[1,{"b":null}]}""").RootElement };
        var without = new Attachment { ContentType = "image/png", ContentUrl = "https://example.com/a.png" };

        var read = JsonSerializer.Deserialize<Attachment[]>(JsonSerializer.Serialize(new[] { withCard, without }, BotJson.Options), BotJson.Options)!;

        Assert.Equal("""{"a":[1,{"b":null}]}""", read[0].Content!.Value.GetRawText());
        Assert.Null(read[1].Content);
        Assert.DoesNotContain("content\":", JsonSerializer.Serialize(without, BotJson.Options), StringComparison.Ordinal);
    }
}
