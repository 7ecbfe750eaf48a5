using System.Reflection;
using System.Text.Json;

namespace KaizalaBot.Localization;

/// <summary>
/// The bot's copy in every language, read once from the embedded <c>Localization/Texts/{en,fr}.json</c>. Both files must
/// have exactly the same keys; a test holds them to it so no seller ever sees a missing string.
/// </summary>
public sealed class BotTexts
{
    private readonly Dictionary<BotLanguage, TextTable> _tables;

    public BotTexts()
    {
        _tables = Enum.GetValues<BotLanguage>().ToDictionary(language => language, Load);
    }

    public TextTable For(BotLanguage language) => _tables[language];

    public TextTable ForLocale(string? locale) => For(BotLanguages.FromLocale(locale));

    private static TextTable Load(BotLanguage language)
    {
        var name = $"KaizalaBot.Localization.Texts.{BotLanguages.Code(language)}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded text table {name} is missing.");
        var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"Embedded text table {name} is empty.");
        return new TextTable(language, texts);
    }
}
