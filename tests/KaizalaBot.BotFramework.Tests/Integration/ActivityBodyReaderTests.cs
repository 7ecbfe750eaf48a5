using System.Text;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Integration;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Tests.Integration;

/// <summary>Every way a body can fail to be a usable activity gets a 400 reason, which never repeats the value.</summary>
public sealed class ActivityBodyReaderTests
{
    private const string Valid = """
        {"type":"invoke","name":"adaptiveCard/action","id":"f:1","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/",
         "conversation":{"id":"a:1x","tenantId":"t-1"},"from":{"id":"29:u","name":"Élodie 🙂","aadObjectId":"aad-1"},
         "recipient":{"id":"28:b"},"locale":"fr-FR","replyToId":"card-1",
         "channelData":{"tenant":{"id":"t-1"},"team":{"id":"19:team"},"channel":{"id":"19:chan"}},
         "value":{"action":{"type":"Action.Execute","verb":"choose","data":{"plan":"E3","note":"ligne 1\nligne 2"}},"trigger":"manual"}}
        """;

    [Fact]
    public void Read_TeamsShapedInvoke_IsAccepted()
    {
        var result = Read(Valid);

        Assert.Null(result.Problem);
        Assert.Equal("a:1x", result.Activity!.Conversation!.Id);
    }

    [Fact]
    public void Read_LeadingByteOrderMark_IsAccepted()
    {
        var result = ActivityBodyReader.Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)]);

        Assert.Null(result.Problem);
    }

    [Theory]
    [InlineData("""{"type":"message","type":"invoke"}""")]
    [InlineData("""{"type":"message","Type":"invoke"}""")]
    [InlineData("""{"type":"invoke","value":{"action":{"data":{"plan":"E3","plan":"E5"}}}}""")]
    [InlineData("""{"type":"message","channelData":{"tenant":{"id":"a","id":"b"}}}""")]
    [InlineData("""{"type":"message","unknown":{"x":1,"x":2}}""")]
    [InlineData("""{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"body":[],"body":[]}}]}""")]
    public void Read_RepeatedKeyAtAnyDepth_IsRejected(string body)
    {
        var result = Read(body);

        Assert.Null(result.Activity);
        Assert.Contains("no key is repeated", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"message","text":"\ud800"}""")]
    [InlineData("""{"type":"message","text":"\udc00x"}""")]
    [InlineData("""{"type":"message","text":"\ud800\u0041"}""")]
    [InlineData("""{"type":"invoke","value":{"action":{"data":{"plan":"\ud83d"}}}}""")]
    [InlineData("""{"type":"invoke","value":{"\udfff":1}}""")]
    public void Read_EscapedLoneSurrogateAnywhere_IsRejected(string body)
    {
        var result = Read(body);

        Assert.Null(result.Activity);
        Assert.Contains("not valid Unicode", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public void Read_InvalidUtf8InAString_IsRejected(byte[] invalid)
    {
        var body = Encoding.UTF8.GetBytes("""{"type":"message","text":"x""").Concat(invalid).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();

        var result = ActivityBodyReader.Read(body);

        Assert.Null(result.Activity);
        Assert.Contains("not valid Unicode", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    public void Read_InvalidUtf8InAKey_IsRejected(byte[] invalid)
    {
        var body = Encoding.UTF8.GetBytes("""{"type":"message","value":{"k""").Concat(invalid).Concat(Encoding.UTF8.GetBytes("\":1}}")).ToArray();

        var result = ActivityBodyReader.Read(body);

        Assert.Null(result.Activity);
        Assert.Contains("not valid Unicode", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextOutsideAscii_RawOrEscaped_IsKept()
    {
        var result = Read("""{"type":"message","text":"été 😀 \u00e9t\u00e9 \ud83d\ude00","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"c"}}""");

        Assert.Equal("été 😀 été 😀", result.Activity?.Text);
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void Read_NestingDepth_LimitedTo64(int depth, bool accepted)
    {
        // The activity object itself is the first level.
        var value = string.Concat(Enumerable.Repeat("[", depth - 1)) + string.Concat(Enumerable.Repeat("]", depth - 1));
        var body = Valid.Replace("\"locale\":\"fr-FR\"", "\"locale\":\"fr-FR\",\"deep\":" + value, StringComparison.Ordinal);

        Assert.Equal(accepted, Read(body).Activity is not null);
    }

    [Theory]
    [InlineData("conversation", "conversation is required.")]
    [InlineData("conversation.id", "conversation.id is required.")]
    [InlineData("channelId", "channelId is required.")]
    [InlineData("serviceUrl", "serviceUrl is required.")]
    public void Read_FieldEveryAnswerNeedsMissing_IsRejectedNamingIt(string path, string expected)
    {
        var result = Read(With(path, null));

        Assert.Null(result.Activity);
        Assert.Equal(expected, result.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Read_EmptyType_IsRejected(string type)
    {
        var result = Read(With("type", type));

        Assert.Equal("type is required.", result.Problem);
    }

    public static TheoryData<string, int> LimitedFields() => new()
    {
        { "type", ActivityLimits.MaxTokenLength },
        { "channelId", ActivityLimits.MaxTokenLength },
        { "locale", ActivityLimits.MaxTokenLength },
        { "name", ActivityLimits.MaxOperationNameLength },
        { "id", ActivityLimits.MaxIdLength },
        { "replyToId", ActivityLimits.MaxIdLength },
        { "serviceUrl", ActivityLimits.MaxServiceUrlLength },
        { "conversation.id", ActivityLimits.MaxIdLength },
        { "conversation.tenantId", ActivityLimits.MaxTenantIdLength },
        { "from.id", ActivityLimits.MaxIdLength },
        { "from.name", ActivityLimits.MaxDisplayNameLength },
        { "from.aadObjectId", ActivityLimits.MaxTenantIdLength },
        { "recipient.id", ActivityLimits.MaxIdLength },
        { "channelData.tenant.id", ActivityLimits.MaxTenantIdLength },
        { "channelData.team.id", ActivityLimits.MaxIdLength },
        { "channelData.channel.id", ActivityLimits.MaxIdLength },
    };

    [Theory]
    [MemberData(nameof(LimitedFields))]
    public void Read_FieldAtItsLimit_IsAcceptedAndOneLongerIsRejectedNamingTheLimit(string path, int limit)
    {
        var atLimit = Read(With(path, LongValue(path, limit)));
        var over = Read(With(path, LongValue(path, limit + 1)));

        Assert.Null(atLimit.Problem);
        Assert.Null(over.Activity);
        Assert.Equal($"{path} is longer than {limit} characters.", over.Problem);
    }

    [Theory]
    [InlineData("conversation.id", "a:1\nfail: forged")]
    [InlineData("from.id", "29:\u0000")]
    [InlineData("channelId", "msteams\r")]
    [InlineData("type", "message\u0085")]
    public void Read_ControlCharacterInAnIdOrToken_IsRejectedWithoutEchoingIt(string path, string value)
    {
        var result = Read(With(path, value));

        Assert.Equal($"{path} contains control characters.", result.Problem);
    }

    [Theory]
    [InlineData("conversation.id", ".")]
    [InlineData("conversation.id", "..")]
    [InlineData("replyToId", "..")]
    [InlineData("id", ".")]
    public void Read_DotSegmentId_IsRejected(string path, string value)
    {
        var result = Read(With(path, value));

        Assert.Equal($"{path} cannot be '.' or '..'.", result.Problem);
    }

    [Theory]
    [InlineData("membersAdded")]
    [InlineData("membersRemoved")]
    [InlineData("attachments")]
    [InlineData("entities")]
    public void Read_NullListEntry_IsRejected(string field)
    {
        var node = JsonNode.Parse(Valid)!.AsObject();
        node[field] = new JsonArray((JsonNode?)null);

        var result = Read(node.ToJsonString());

        Assert.Equal($"{field} must not contain null entries.", result.Problem);
    }

    [Theory]
    [InlineData("""{"tenant":"t-1"}""")]
    [InlineData("""{"tenant":{"id":5}}""")]
    [InlineData("""{"team":["19:team"]}""")]
    [InlineData("""{"eventType":{"x":1}}""")]
    public void Read_TeamsChannelDataOfAnotherShape_IsRejected(string channelData)
    {
        var node = JsonNode.Parse(Valid)!.AsObject();
        node["channelData"] = JsonNode.Parse(channelData);

        var result = Read(node.ToJsonString());

        Assert.Equal("channelData does not have the shape of Teams channel data.", result.Problem);
    }

    [Theory]
    [InlineData("""{"type":5}""")]
    [InlineData("""{"type":"message","conversation":"a:1"}""")]
    [InlineData("""{"type":"message","membersAdded":{"id":"x"}}""")]
    [InlineData("""{"type":"message","timestamp":"yesterday"}""")]
    [InlineData("""{"type":"message","text":["a"]}""")]
    [InlineData("""[{"type":"message"}]""")]
    [InlineData("null")]
    [InlineData("{\"type\":\"message\"")]
    [InlineData("")]
    public void Read_NotAnActivity_IsRejectedWithoutTheSerializersText(string body)
    {
        var result = Read(body);

        Assert.Null(result.Activity);
        Assert.StartsWith("The body is not a JSON activity.", result.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Path", result.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Problem, StringComparison.Ordinal);
    }

    private static ActivityReadResult Read(string body) => ActivityBodyReader.Read(Encoding.UTF8.GetBytes(body));

    // The serviceUrl stays a URL at any length, so the limit is about length and not the URL policy.
    private static string LongValue(string path, int length) => path == "serviceUrl"
        ? "https://smba.trafficmanager.net/" + new string('e', length - "https://smba.trafficmanager.net/".Length)
        : new string('x', length);

    /// <summary>The valid invoke with one field (a dotted path) set to <paramref name="value"/>, or removed when null.</summary>
    private static string With(string path, string? value)
    {
        var root = JsonNode.Parse(Valid)!.AsObject();
        var parts = path.Split('.');
        var parent = root;
        foreach (var part in parts[..^1])
        {
            parent = parent[part]!.AsObject();
        }

        if (value is null)
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = value;
        }

        return root.ToJsonString();
    }
}
