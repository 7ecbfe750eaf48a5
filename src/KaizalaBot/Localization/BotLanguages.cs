namespace KaizalaBot.Localization;

/// <summary>Chooses the seller's language: <c>fr</c> and <c>fr-*</c> locales get French, everything else English.</summary>
public static class BotLanguages
{
    public static BotLanguage FromLocale(string? locale) =>
        locale is not null
        && (locale.Equals("fr", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("fr-", StringComparison.OrdinalIgnoreCase))
            ? BotLanguage.French
            : BotLanguage.English;

    public static string Code(BotLanguage language) => language == BotLanguage.French ? "fr" : "en";
}
