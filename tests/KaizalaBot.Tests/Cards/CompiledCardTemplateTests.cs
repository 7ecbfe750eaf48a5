using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.Cards.Templating;

namespace KaizalaBot.Tests.Cards;

public sealed class CompiledCardTemplateTests
{
    private static JsonNode Bind(string template, string data) => Bind(JsonNode.Parse(template)!, JsonNode.Parse(data)!);

    private static JsonNode Bind(JsonNode template, JsonNode data)
    {
        var card = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(card))
        {
            CompiledCardTemplate.Compile(template).Write(writer, JsonElement.Parse(data.ToJsonString()));
        }

        return JsonNode.Parse(card.WrittenSpan)!;
    }

    [Fact]
    public void Bind_SingleExpression_KeepsJsonType()
    {
        var card = Bind("""{"count":"${n}","flag":"${ok}","obj":"${o}"}""", """{"n":42,"ok":true,"o":{"a":1}}""");

        Assert.Equal(42, card["count"]!.GetValue<int>());
        Assert.True(card["flag"]!.GetValue<bool>());
        Assert.Equal(1, card["obj"]!["a"]!.GetValue<int>());
    }

    [Fact]
    public void Bind_InterpolatedText_ConcatenatesValues()
    {
        var card = Bind("""{"text":"Hello ${user.name}, you have ${count} items"}""", """{"user":{"name":"Ana"},"count":3}""");

        Assert.Equal("Hello Ana, you have 3 items", card["text"]!.GetValue<string>());
    }

    [Fact]
    public void Bind_ValueWithQuotesAndBraces_StaysPlainText()
    {
        const string Hostile = "\"}], \"actions\": [{\"type\":\"Action.OpenUrl\"} ${x}";

        var card = Bind("""{"text":"${name}","body":[{"text":"Name: ${name}"}]}""", new JsonObject { ["name"] = Hostile }.ToJsonString());

        Assert.Equal(Hostile, card["text"]!.GetValue<string>());
        Assert.Equal("Name: " + Hostile, card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Null(card["actions"]);
    }

    [Fact]
    public void Bind_DataArray_RepeatsElementWithIndexAndRoot()
    {
        var card = Bind(
            """{"facts":[{"$data":"${items}","title":"${$index}. ${name}","value":"${$root.suffix}"}]}""",
            """{"items":[{"name":"a"},{"name":"b"}],"suffix":"!"}""");

        var facts = card["facts"]!.AsArray();
        Assert.Equal(2, facts.Count);
        Assert.Equal("0. a", facts[0]!["title"]!.GetValue<string>());
        Assert.Equal("1. b", facts[1]!["title"]!.GetValue<string>());
        Assert.Equal("!", facts[1]!["value"]!.GetValue<string>());
        Assert.False(facts[0]!.AsObject().ContainsKey("$data"));
    }

    [Fact]
    public void Bind_DataEmptyArray_RemovesElement()
    {
        var card = Bind("""{"facts":[{"$data":"${items}","title":"${name}"}]}""", """{"items":[]}""");

        Assert.Empty(card["facts"]!.AsArray());
    }

    [Fact]
    public void Bind_DataObject_RebindsScope()
    {
        var card = Bind("""{"block":{"$data":"${customer}","text":"${name}"}}""", """{"customer":{"name":"Contoso"}}""");

        Assert.Equal("Contoso", card["block"]!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("${show}", true)]
    [InlineData("${!show}", false)]
    [InlineData("${status == 'active'}", true)]
    [InlineData("${status != 'active'}", false)]
    [InlineData("${count(items) > 1}", true)]
    [InlineData("${count(items) >= 3}", false)]
    [InlineData("${show && status == 'suspended'}", false)]
    [InlineData("${!show || status == 'active'}", true)]
    public void Bind_When_KeepsOrDropsElement(string condition, bool kept)
    {
        var template = new JsonObject
        {
            ["body"] = new JsonArray(new JsonObject { ["$when"] = condition, ["text"] = "x" }),
        };

        var card = Bind(template, JsonNode.Parse("""{"show":true,"status":"active","items":[1,2]}""")!);

        Assert.Equal(kept ? 1 : 0, card["body"]!.AsArray().Count);
    }

    [Fact]
    public void Bind_IfFunction_ChoosesBranch()
    {
        var card = Bind("""{"a":"${if(late, 'Attention', 'Good')}","b":"${if(!late, 1, 2)}"}""", """{"late":true}""");

        Assert.Equal("Attention", card["a"]!.GetValue<string>());
        Assert.Equal(2, card["b"]!.GetValue<int>());
    }

    [Fact]
    public void Bind_UnknownPath_ThrowsWithLocation()
    {
        var ex = Assert.Throws<CardTemplateException>(() => Bind("""{"body":[{"text":"${missing}"}]}""", "{}"));

        Assert.Contains("missing", ex.Message, StringComparison.Ordinal);
        Assert.Equal("$.body[0].text", ex.Location);
    }

    [Theory]
    [InlineData("""{"text":"${name"}""")]
    [InlineData("""{"text":"${'open}"}""")]
    [InlineData("""{"text":"${name ==}"}""")]
    [InlineData("""{"text":"${unknownFn(name)}"}""")]
    public void Bind_MalformedExpression_Throws(string template)
    {
        Assert.Throws<CardTemplateException>(() => Bind(template, """{"name":"x"}"""));
    }

    [Fact]
    public void Bind_TemplateWithoutExpressions_IsDeepCopy()
    {
        var template = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"plain","wrap":true}]}""")!;

        var card = Bind(template, new JsonObject());

        Assert.True(JsonNode.DeepEquals(template, card));
        Assert.NotSame(template, card);
    }

    [Fact]
    public void Bind_Execute_GetsSubmitFallbackWithBoundTitleDataVerbAndIsEnabled()
    {
        var card = Bind(
            """{"actions":[{"data":{"id":"${id}"},"isEnabled":"${ok}","title":"Go ${id}","verb":"go","type":"Action.Execute"},{"type":"Action.Execute","verb":"x","fallback":"drop"}]}""",
            """{"id":"c-1","ok":false}""");

        var fallback = card["actions"]![0]!["fallback"]!;
        Assert.Equal("""{"type":"Action.Submit","title":"Go c-1","data":{"id":"c-1","verb":"go"},"isEnabled":false}""", fallback.ToJsonString());
        Assert.Equal("drop", (string?)card["actions"]![1]!["fallback"]);
    }

    [Fact]
    public void Bind_ExecuteWithOwnVerbInDataOrNoIsEnabled_KeepsTheDataVerb()
    {
        var card = Bind("""{"type":"Action.Execute","verb":"go","title":"T","data":{"verb":"own","n":"${n}"}}""", """{"n":2}""");

        Assert.Equal("""{"type":"Action.Submit","title":"T","data":{"verb":"own","n":2}}""", card["fallback"]!.ToJsonString());
    }

    [Fact]
    public void Compile_MalformedExpressionInADroppedElement_ThrowsAtLoad()
    {
        var ex = Assert.Throws<CardTemplateException>(() =>
            CompiledCardTemplate.Compile(JsonNode.Parse("""{"body":[{"$when":false,"text":"${a ==}"}]}""")!));

        Assert.Equal("$.body[0].text", ex.Location);
    }
}
