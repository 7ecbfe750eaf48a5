using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Nodes;

namespace KaizalaBot.Localization;

/// <summary>
/// One language's copy: every message and card string of the bot, looked up by key. Cards bind it as <c>${t.key}</c>;
/// messages use <see cref="Format"/>, whose placeholders are <c>{0}</c>, <c>{1}</c>… formatted in the language's culture.
/// </summary>
public sealed class TextTable
{
    private readonly FrozenDictionary<string, string> _texts;

    internal TextTable(BotLanguage language, IReadOnlyDictionary<string, string> texts)
    {
        Language = language;
        Culture = CultureInfo.GetCultureInfo(language == BotLanguage.French ? "fr-FR" : "en-US");
        _texts = texts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public BotLanguage Language { get; }

    public CultureInfo Culture { get; }

    public IEnumerable<string> Keys => _texts.Keys;

    public string this[string key] =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No text '{key}' for {Language}.");

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

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
