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

    [Fact]
    public void Render_ModelThatIsNotAnObject_IsRefused()
    {
        var english = _texts.For(BotLanguage.English);

        Assert.Throws<ArgumentException>(() => _renderer.Render(CardTemplate.Notice, english, "a title"));
        Assert.Throws<ArgumentException>(() => _renderer.Render(CardTemplate.Notice, english, new[] { 1, 2 }));
    }

    [Fact]
    public void Render_EmptyModel_StillBindsTheTexts_AndNamesTheMissingProperty()
    {
        // {} takes the texts without a comma: the data parses, and the template's first path is what fails.
        var error = Assert.Throws<KaizalaBot.Cards.Templating.CardTemplateException>(() => _renderer.Render(CardTemplate.Notice, _texts.For(BotLanguage.French), new { }));

        Assert.Contains("No property title", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LanguagesInTurn_EachCardInItsOwnLanguage()
    {
        var model = SampleCardModels.For(CardTemplate.MigrationPlan, BotLanguage.English);
        string Render(BotLanguage language) => _renderer.Render(CardTemplate.MigrationPlan, _texts.For(language), model).Content!.Value.GetRawText();

        var english = Render(BotLanguage.English);
        var french = Render(BotLanguage.French);

        Assert.NotEqual(english, french);
        Assert.Equal(english, Render(BotLanguage.English));
        Assert.Equal(french, new CardRenderer().Render(CardTemplate.MigrationPlan, new BotTexts().For(BotLanguage.French), model).Content!.Value.GetRawText());
    }
}
