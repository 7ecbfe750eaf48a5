namespace KaizalaBot.Localization;

/// <summary>Which plural form a whole number takes in a language: the CLDR rules for integers.</summary>
public static class PluralRules
{
    /// <summary>
    /// English: <c>one</c> for 1 only ("0 users", "1 user"). French: <c>one</c> for 0 and 1 ("0 utilisateur",
    /// "1 utilisateur", "2 utilisateurs"). The sign does not count (CLDR works on the absolute value).
    /// </summary>
    public static PluralCategory Of(BotLanguage language, long count)
    {
        var n = count == long.MinValue ? long.MaxValue : Math.Abs(count);
        return language switch
        {
            BotLanguage.French => n <= 1 ? PluralCategory.One : PluralCategory.Other,
            _ => n == 1 ? PluralCategory.One : PluralCategory.Other,
        };
    }
}
