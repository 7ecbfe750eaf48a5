using KaizalaBot.Localization;

namespace KaizalaBot.Tests.Localization;

/// <summary>The CLDR rules for whole numbers: English <c>one</c> for 1 only, French <c>one</c> for 0 and 1.</summary>
public sealed class PluralRulesTests
{
    [Theory]
    [InlineData(BotLanguage.English, 0, PluralCategory.Other)]
    [InlineData(BotLanguage.English, 1, PluralCategory.One)]
    [InlineData(BotLanguage.English, 2, PluralCategory.Other)]
    [InlineData(BotLanguage.English, 1500, PluralCategory.Other)]
    [InlineData(BotLanguage.English, -1, PluralCategory.One)]
    [InlineData(BotLanguage.French, 0, PluralCategory.One)]
    [InlineData(BotLanguage.French, 1, PluralCategory.One)]
    [InlineData(BotLanguage.French, 2, PluralCategory.Other)]
    [InlineData(BotLanguage.French, 1500, PluralCategory.Other)]
    [InlineData(BotLanguage.French, -1, PluralCategory.One)]
    [InlineData(BotLanguage.French, long.MinValue, PluralCategory.Other)]
    public void Of_WholeNumbers_FollowTheLanguagesRule(BotLanguage language, long count, PluralCategory expected)
    {
        Assert.Equal(expected, PluralRules.Of(language, count));
    }
}
