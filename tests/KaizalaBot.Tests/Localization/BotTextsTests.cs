using KaizalaBot.Localization;

namespace KaizalaBot.Tests.Localization;

public sealed class BotTextsTests
{
    private readonly BotTexts _texts = new();

    [Fact]
    public void For_EveryLanguage_HasTheSameNonEmptyKeys()
    {
        var english = _texts.For(BotLanguage.English);

        foreach (var language in Enum.GetValues<BotLanguage>())
        {
            var table = _texts.For(language);
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), table.Keys.Order(StringComparer.Ordinal));
            Assert.All(table.Keys, key => Assert.False(string.IsNullOrWhiteSpace(table[key]), $"{language}:{key} is empty"));
        }
    }

    [Fact]
    public void For_FrenchAndEnglish_AreActuallyTranslated()
    {
        var english = _texts.For(BotLanguage.English);
        var french = _texts.For(BotLanguage.French);

        var untranslated = english.Keys.Where(key => english[key] == french[key]).ToList();

        Assert.Empty(untranslated);
    }

    [Fact]
    public void Format_UsesTheLanguageCulture()
    {
        var french = _texts.For(BotLanguage.French);

        var text = french.Format("unknownCommand", "migrer 1,5");

        Assert.Contains("« migrer 1,5 »", text, StringComparison.Ordinal);
        Assert.Equal("fr-FR", french.Culture.Name);
    }

    [Fact]
    public void Indexer_UnknownKey_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => _texts.For(BotLanguage.English)["noSuchKey"]);
    }
}
