using System.Text;
using System.Text.Json;

namespace KaizalaBot.Bot;

/// <summary>
/// Recognises a typed command in English or French, whatever the seller's locale: Teams channel messages carry an
/// <c>&lt;at&gt;KaizalaBot&lt;/at&gt;</c> mention, and sellers add punctuation or capitals, so both are ignored.
/// </summary>
public static class CommandParser
{
    private static readonly Dictionary<string, BotCommand> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = BotCommand.Help,
        ["aide"] = BotCommand.Help,
        ["?"] = BotCommand.Help,
        ["cancel"] = BotCommand.Cancel,
        ["annuler"] = BotCommand.Cancel,
        ["migrate"] = BotCommand.Migrate,
        ["migrer"] = BotCommand.Migrate,
        ["status"] = BotCommand.Status,
        ["statut"] = BotCommand.Status,
        ["resume"] = BotCommand.Resume,
        ["reprendre"] = BotCommand.Resume,
        ["history"] = BotCommand.History,
        ["historique"] = BotCommand.History,
        ["expiring"] = BotCommand.Expiring,
        ["expirations"] = BotCommand.Expiring,
        ["reminders"] = BotCommand.Reminders,
        ["reminders on"] = BotCommand.Reminders,
        ["reminders off"] = BotCommand.Reminders,
        ["rappels"] = BotCommand.Reminders,
        ["rappels on"] = BotCommand.Reminders,
        ["rappels off"] = BotCommand.Reminders,
    };

    // Commands followed by free text (`migrate contoso`); the others must be typed alone.
    private static readonly HashSet<BotCommand> TakesArgument = [BotCommand.Migrate];

    public static BotCommand? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = Normalize(text);
        if (Names.TryGetValue(normalized, out var command))
        {
            return command;
        }

        var words = normalized.Split(' ', 2);
        return words.Length == 2 && Names.TryGetValue(words[0], out var withArgument) && TakesArgument.Contains(withArgument)
            ? withArgument
            : null;
    }

    /// <summary>
    /// What follows the command's name (<c>on</c> in <c>reminders on</c>, <c>contoso.com</c> in <c>migrate contoso.com</c>),
    /// lower case; null when nothing does.
    /// </summary>
    public static string? ArgumentOf(string? text)
    {
        var words = Normalize(text ?? "").Split(' ', 2);
        return words.Length == 2 ? words[1].ToLowerInvariant() : null;
    }

    // Mentions dropped, runs of white space made one space (a command may have an argument), trailing punctuation ignored.
    private static string Normalize(string text) =>
        string.Join(' ', RemoveMentions(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '!').Trim();

    /// <summary>
    /// The command a card button carries in its data (<c>kbCommand</c>) — a plain Action.Submit, because the Agents
    /// Playground silently drops <c>msteams.messageBack</c> submits, while every client delivers plain data.
    /// </summary>
    public static BotCommand? FromCardData(JsonElement? value) => Parse(CardCommandText(value));

    /// <summary>The text of the command a card button carries (<c>kbCommand</c>), or null.</summary>
    public static string? CardCommandText(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(CardDataKey, out var command)
        && command.ValueKind == JsonValueKind.String
            ? command.GetString()
            : null;

    public const string CardDataKey = "kbCommand";

    /// <summary>The command as a seller of that language types it, for cards that send it.</summary>
    public static string NameOf(BotCommand command, Localization.BotLanguage language) => (command, language) switch
    {
        (BotCommand.Help, Localization.BotLanguage.French) => "aide",
        (BotCommand.Help, _) => "help",
        (BotCommand.Cancel, Localization.BotLanguage.French) => "annuler",
        (BotCommand.Cancel, _) => "cancel",
        (BotCommand.Migrate, Localization.BotLanguage.French) => "migrer",
        (BotCommand.Migrate, _) => "migrate",
        (BotCommand.Status, Localization.BotLanguage.French) => "statut",
        (BotCommand.Status, _) => "status",
        (BotCommand.Resume, Localization.BotLanguage.French) => "reprendre",
        (BotCommand.Resume, _) => "resume",
        (BotCommand.History, Localization.BotLanguage.French) => "historique",
        (BotCommand.History, _) => "history",
        (BotCommand.Expiring, Localization.BotLanguage.French) => "expirations",
        (BotCommand.Expiring, _) => "expiring",
        (BotCommand.Reminders, Localization.BotLanguage.French) => "rappels",
        (BotCommand.Reminders, _) => "reminders",
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };

    /// <summary>
    /// Every command of the table above as a seller of that language types it: exactly what the Teams app manifest
    /// advertises in its command lists (a test holds <c>manifest/manifest.json</c> and <c>fr.json</c> to it). Aliases
    /// such as <c>?</c> are understood but not advertised.
    /// </summary>
    public static IReadOnlyList<string> CommandNames(Localization.BotLanguage language) =>
        [.. Names.Values.Distinct().Order().Select(command => NameOf(command, language))];

    /// <summary>
    /// Replaces each <c>&lt;at&gt;…&lt;/at&gt;</c> (the nearest closing tag, case-insensitive) with a space, in one forward
    /// pass. The former <c>&lt;at&gt;.*?&lt;/at&gt;</c> regex rescanned the rest of the text from every unclosed
    /// <c>&lt;at&gt;</c>, quadratic in a message of many of them; here each character is looked at a bounded number of
    /// times, and once an opening tag has no closing tag after it, no later one can have one either.
    /// </summary>
    internal static string RemoveMentions(string text)
    {
        const string Open = "<at>";
        const string Close = "</at>";
        StringBuilder? kept = null;
        var position = 0;
        while (true)
        {
            var open = text.IndexOf(Open, position, StringComparison.OrdinalIgnoreCase);
            var close = open < 0 ? -1 : text.IndexOf(Close, open + Open.Length, StringComparison.OrdinalIgnoreCase);
            if (close < 0)
            {
                break;
            }

            kept ??= new StringBuilder(text.Length);
            kept.Append(text, position, open - position).Append(' ');
            position = close + Close.Length;
        }

        return kept is null ? text : kept.Append(text, position, text.Length - position).ToString();
    }
}
