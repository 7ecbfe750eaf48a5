using System.Text.Json;
using KaizalaBot.Testing;

namespace KaizalaBot.Reliability;

/// <summary>
/// The bot's own texts (<c>src/KaizalaBot/Localization/Texts</c>), read from the checkout, so the harness recognises an
/// answer by its exact wording in the seller's language instead of guessing from its shape.
/// </summary>
internal sealed class HostTexts
{
    private readonly Dictionary<string, string> _english;
    private readonly Dictionary<string, string> _french;

    private HostTexts(Dictionary<string, string> english, Dictionary<string, string> french) => (_english, _french) = (english, french);

    public static HostTexts Load() => new(Read("en"), Read("fr"));

    public string Get(string locale, string key) =>
        (locale.StartsWith("fr", StringComparison.Ordinal) ? _french : _english).TryGetValue(key, out var text)
            ? text
            : throw new KeyNotFoundException($"The bot has no text '{key}' for {locale}.");

    /// <summary>The text in every language the bot speaks.</summary>
    public IReadOnlyList<string> All(string key) => [Get("en-US", key), Get("fr-FR", key)];

    private static Dictionary<string, string> Read(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "KaizalaBot", "Localization", "Texts", language + ".json")))
        ?? throw new InvalidDataException($"The {language} texts are empty.");
}
