using System.Globalization;
using System.Text.RegularExpressions;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Tests.Localization;

/// <summary>
/// Every text that counts something: both languages agree on its arguments, none puts a bare count before a countable
/// noun, and each renders at 0, 1 and 2 in the language's form, with nothing left unfilled.
/// </summary>
public sealed partial class PluralCoverageTests
{
    private static readonly BotTexts Texts = new();

    public static TheoryData<string> KeysWithCounts() =>
        [.. Texts.For(BotLanguage.English).Keys.Where(key => CountedArguments(key).Count > 0).Order(StringComparer.Ordinal)];

    [Fact]
    public void Tables_EnglishAndFrench_NameTheSameArgumentsInEveryText()
    {
        var english = Texts.For(BotLanguage.English);
        var french = Texts.For(BotLanguage.French);

        Assert.All(english.Keys, key => Assert.Equal(Placeholders(english[key]), Placeholders(french[key])));
    }

    [Fact]
    public void Tables_NoBareCountBeforeACountableNoun()
    {
        var bare = Enum.GetValues<BotLanguage>()
            .SelectMany(language => Texts.For(language).Keys.Select(key => (language, key, text: Texts.For(language)[key])))
            .Where(t => (t.language == BotLanguage.French ? BareFrenchCount() : BareEnglishCount()).IsMatch(t.text))
            .Select(t => $"{t.language}:{t.key}")
            .ToList();

        Assert.Empty(bare);
    }

    [Fact]
    public void KeysWithCounts_CoverTheCountableNounsOfBothLanguages()
    {
        // About eighty texts count users, seats, licences, days…; a walk over a handful would prove little.
        Assert.True(KeysWithCounts().Count >= 50, $"only {KeysWithCounts().Count} texts count something");
    }

    [Theory]
    [MemberData(nameof(KeysWithCounts))]
    public void Render_EveryCountAt0And1And2_TheLanguagesFormAndNothingLeftUnfilled(string key)
    {
        foreach (var language in Enum.GetValues<BotLanguage>())
        {
            foreach (var count in (int[])[0, 1, 2])
            {
                var text = Render(Texts.For(language), key, count);

                Assert.DoesNotMatch(Unfilled(), text);
                var wrong = (language, PluralRules.Of(language, count)) switch
                {
                    (BotLanguage.English, PluralCategory.One) => EnglishPluralAfterOne(),
                    (BotLanguage.English, _) => EnglishSingularAfterMany(),
                    (_, PluralCategory.One) => FrenchPluralAfterOne(),
                    _ => FrenchSingularAfterMany(),
                };
                Assert.False(wrong.IsMatch(text), $"{language}:{key} at {count}: \"{text}\"");
            }
        }
    }

    // Every argument is set to the count, so a count can stand with any noun of the text; the others are named.
    private static string Render(TextTable texts, string key, int count)
    {
        var counted = CountedArguments(key);
        var names = Placeholders(texts[key]);
        if (names.All(name => name.All(char.IsAsciiDigit)))
        {
            var args = Enumerable.Range(0, names.Count == 0 ? 0 : names.Max(name => int.Parse(name, CultureInfo.InvariantCulture)) + 1)
                .Select(i => counted.Contains(i.ToString(CultureInfo.InvariantCulture)) ? (object)count : "Contoso")
                .ToArray();
            return texts.Format(key, args);
        }

        var action = key.EndsWith(".action", StringComparison.Ordinal);
        var message = MigrationMessage.Of(
            action ? key[..^".action".Length] : key,
            [.. names.Select(name => (name, counted.Contains(name) ? (object)count : "Contoso"))]);
        return action ? texts.Action(message)! : texts.Text(message);
    }

    private static HashSet<string> CountedArguments(string key) =>
        [.. Enum.GetValues<BotLanguage>().SelectMany(language => PluralText.Arguments(Texts.For(language)[key]))];

    private static SortedSet<string> Placeholders(string text) =>
        new(Placeholder().Matches(text).Select(m => m.Groups[1].Value), StringComparer.Ordinal);

    // {name} or {name, …}, but not a branch: "one {…}", "other {…}".
    [GeneratedRegex(@"(?<!\b(?:one|other)\s*)\{(\w+)\s*[,}]")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[{}#]")]
    private static partial Regex Unfilled();

    [GeneratedRegex(@"\{\w+\}\s(?:[\w-]+\s){0,2}?(?:users|seats|licences|days|customers|subscriptions|characters|failures|reminders|migrations)\b")]
    private static partial Regex BareEnglishCount();

    [GeneratedRegex(@"\{\w+\}\s(?:[\w'-]+\s){0,2}?(?:utilisateurs|postes|licences|jours|clients|abonnements|caractères|échecs|rappels|migrations)\b")]
    private static partial Regex BareFrenchCount();

    [GeneratedRegex(@"\b1\s(?:[\w-]+\s){0,3}?(?:users|seats|licences|days|customers|characters|failures)\b")]
    private static partial Regex EnglishPluralAfterOne();

    [GeneratedRegex(@"\b[02]\s(?:free\s|moved\s|unassigned\s|Kaizala\sPro\s)?(?:user|seat|licence|day|customer|character|failure)\b")]
    private static partial Regex EnglishSingularAfterMany();

    [GeneratedRegex(@"\b[01]\s(?:[\w'-]+\s){0,3}?(?:utilisateurs|postes|licences|jours|clients|caractères|échecs|libres|attribués|transférés)\b")]
    private static partial Regex FrenchPluralAfterOne();

    [GeneratedRegex(@"\b2\s(?:utilisateur|poste|licence|jour|client|caractère|échec|libre|attribué|transféré)\b")]
    private static partial Regex FrenchSingularAfterMany();
}
