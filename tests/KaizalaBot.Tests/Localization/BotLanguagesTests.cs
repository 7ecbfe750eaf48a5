using KaizalaBot.Localization;

namespace KaizalaBot.Tests.Localization;

public sealed class BotLanguagesTests
{
    [Theory]
    [InlineData("fr", BotLanguage.French)]
    [InlineData("fr-FR", BotLanguage.French)]
    [InlineData("FR-ca", BotLanguage.French)]
    [InlineData("fr-BE", BotLanguage.French)]
    [InlineData("en-US", BotLanguage.English)]
    [InlineData("de-DE", BotLanguage.English)]
    [InlineData("fry", BotLanguage.English)]
    [InlineData("", BotLanguage.English)]
    [InlineData(null, BotLanguage.English)]
    public void FromLocale_MapsFrenchLocalesToFrenchAndTheRestToEnglish(string? locale, BotLanguage expected)
    {
        Assert.Equal(expected, BotLanguages.FromLocale(locale));
    }
}
