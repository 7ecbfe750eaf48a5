using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Nodes;

namespace KaizalaBot.Localization;

/// <summary>
/// One language's copy: every message and card string of the bot, looked up by key. Cards bind it as <c>${t.key}</c>;
/// messages use <see cref="Format"/>, whose placeholders are <c>{0}</c>, <c>{1}</c>… formatted in the language's culture.
/// A count takes its noun's singular or plural through a <see cref="PluralText">plural block</see>.
/// </summary>
public sealed class TextTable
{
    private readonly FrozenDictionary<string, string> _texts;

    internal TextTable(BotLanguage language, IReadOnlyDictionary<string, string> texts)
    {
        Language = language;
        Culture = CultureInfo.GetCultureInfo(language == BotLanguage.French ? "fr-FR" : "en-US");
        _texts = texts.ToFrozenDictionary(StringComparer.Ordinal);

        // A malformed plural block fails the start-up, not the first seller who meets the text.
        foreach (var (key, text) in _texts)
        {
            try
            {
                PluralText.Arguments(text);
            }
            catch (FormatException e)
            {
                throw new FormatException($"Text '{key}' for {language}: {e.Message}", e);
            }
        }
    }

    public BotLanguage Language { get; }

    public CultureInfo Culture { get; }

    public IEnumerable<string> Keys => _texts.Keys;

    public string this[string key] =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No text '{key}' for {Language}.");

    /// <summary>
    /// The text of <paramref name="key"/> filled with <paramref name="args"/>. The argument of a plural block
    /// (<c>{0, plural, one {# user} other {# users}}</c>) must be a whole number (int or long), not a formatted string.
    /// Whole numbers show in the culture (1,500 / 1 500) wherever they stand, so one language may count an argument
    /// that the other only shows ("{0} of the {1} users will move" / "{0} … {0, plural, one {sera transféré} …}").
    /// </summary>
    public string Format(string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var text = PluralText.Expand(this[key], this, argument => CountOf(key, argument, args));
        var shown = Array.ConvertAll(args, arg => arg switch
        {
            int i => this.Number(i),
            long l => this.Number(l),
            _ => arg,
        });
        return string.Format(Culture, text, shown);
    }

    // A string cannot choose a form: failing here is what keeps "1 users" from reaching a seller unnoticed.
    private static long? CountOf(string key, string argument, object?[] args) =>
        int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < args.Length
            ? args[index] switch
            {
                int i => i,
                long l => l,
                var other => throw new FormatException($"Text '{key}' counts with {{{argument}}}, which must be a whole number, not {other?.GetType().Name ?? "null"}."),
            }
            : throw new FormatException($"Text '{key}' counts with {{{argument}}}, which is not one of its {args.Length} arguments.");

    /// <summary>
    /// The table as the <c>t</c> object that card templates bind against: every text, or only <paramref name="keys"/>
    /// (those of them the table has), which is all a template that names its texts needs.
    /// </summary>
    public JsonObject ToJson(IEnumerable<string>? keys = null)
    {
        var obj = new JsonObject();
        foreach (var key in keys ?? _texts.Keys)
        {
            if (_texts.TryGetValue(key, out var value))
            {
                obj[key] = value;
            }
        }

        return obj;
    }
}
