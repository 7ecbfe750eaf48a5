using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Localization;

namespace KaizalaBot.Tests.Cards;

public sealed partial class CardRendererTests
{
    private readonly CardRenderer _renderer = new();
    private readonly BotTexts _texts = new();

    public static TheoryData<CardTemplate, BotLanguage> EveryCard()
    {
        var data = new TheoryData<CardTemplate, BotLanguage>();
        foreach (var template in Enum.GetValues<CardTemplate>())
        {
            foreach (var language in Enum.GetValues<BotLanguage>())
            {
                data.Add(template, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCard))]
    public void Render_EveryTemplateAndLanguage_MatchesApprovedSnapshot(CardTemplate template, BotLanguage language)
    {
        var attachment = _renderer.Render(template, _texts.For(language), SampleCardModels.For(template, language));

        var actual = JsonNode.Parse(attachment.Content!.Value.GetRawText())!;
        CardSnapshots.AssertMatches($"{template}.{BotLanguages.Code(language)}", actual);
    }

    [Theory]
    [MemberData(nameof(EveryCard))]
    public void Render_EveryTemplateAndLanguage_IsAnAdaptiveCard15WithNoUnboundExpression(CardTemplate template, BotLanguage language)
    {
        var attachment = _renderer.Render(template, _texts.For(language), SampleCardModels.For(template, language));

        Assert.Equal(ContentTypes.AdaptiveCard, attachment.ContentType);
        var card = attachment.Content!.Value;
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.DoesNotMatch(UnboundExpression(), card.GetRawText());
    }

    [Fact]
    public void Render_HelpCard_ListsEveryCommandOfTheModel()
    {
        var model = new HelpCardModel([new CommandHelp("help", "one"), new CommandHelp("aide", "two")]);

        var card = _renderer.Render(CardTemplate.Help, _texts.For(BotLanguage.English), model).Content!.Value;

        var facts = card.GetProperty("body").EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "FactSet").GetProperty("facts");
        Assert.Equal(["help", "aide"], facts.EnumerateArray().Select(f => f.GetProperty("title").GetString()));
    }

    [Fact]
    public void Render_TemplateTexts_AllExistInTheTextTables()
    {
        var english = _texts.For(BotLanguage.English);
        var templates = Enum.GetValues<CardTemplate>()
            .Select(t => _renderer.Render(t, english, SampleCardModels.For(t, BotLanguage.English)).Content!.Value.GetRawText());

        // Rendering would already have thrown on an unknown ${t.key}; this guards against a template that bypasses t.
        Assert.All(templates, json => Assert.DoesNotContain("${t.", json, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\$\{")]
    private static partial Regex UnboundExpression();
}
