using System.Text;

namespace KaizalaBot.Localization;

/// <summary>
/// The plural blocks of a text, in the subset of ICU MessageFormat that translation tools and translators know:
/// <c>{users, plural, one {# user} other {# users}}</c>. The block is replaced by the branch the count's
/// <see cref="PluralRules">plural category</see> selects, with <c>#</c> written as the count in the language's culture
/// (1,500 / 1 500). Other placeholders (<c>{0}</c>, <c>{name}</c>) are left for the caller's own filling, also inside a
/// branch, so a branch can hold a whole agreeing phrase ("{0, plural, one {# poste n'est attribué} other {…}}").
/// </summary>
/// <remarks>
/// ICU rather than a pair of keys per text: one text may count two things ("{0} users to move: buy at least {1}
/// licences"), and French agreement reaches past the noun into verbs and adjectives, which a branch carries whole.
/// Selectors are <c>one</c> and <c>other</c>; <c>other</c> is required, as in ICU. ICU's <c>{count, number}</c> writes a
/// count in the culture without a noun ("({moved, number} moved)"): message arguments arrive invariant ("1500").
/// </remarks>
public static class PluralText
{
    private const string PluralKind = "plural";
    private const string NumberKind = "number";

    /// <summary>
    /// <paramref name="text"/> with each plural block replaced by its branch for the count <paramref name="countOf"/>
    /// gives the block's argument. A null count (no such argument, or not a whole number) takes <c>other</c> and leaves
    /// <c>#</c> as the plain placeholder <c>{argument}</c>, so the caller's filling shows what it has.
    /// </summary>
    public static string Expand(string text, TextTable texts, Func<string, long?> countOf)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(countOf);
        if (!text.Contains(PluralKind, StringComparison.Ordinal) && !text.Contains(NumberKind, StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        Walk(text, (argument, one, other) =>
        {
            var count = countOf(argument);
            var chosen = count is { } n && PluralRules.Of(texts.Language, n) == PluralCategory.One && one is not null ? one : other;
            var branch = Expand(chosen, texts, countOf);
            builder.Append(branch.Replace("#", count is { } c ? texts.Number(c) : $"{{{argument}}}", StringComparison.Ordinal));
        }, literal => builder.Append(literal));
        return builder.ToString();
    }

    /// <summary>
    /// The arguments <paramref name="text"/> counts with (plural and number blocks, in every branch); throws
    /// <see cref="FormatException"/> if a block is malformed.
    /// </summary>
    public static IReadOnlyList<string> Arguments(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var arguments = new List<string>();
        Walk(text, (argument, one, other) =>
        {
            arguments.Add(argument);
            arguments.AddRange(Arguments(one ?? string.Empty));
            arguments.AddRange(Arguments(other));
        }, _ => { });
        return arguments.Distinct(StringComparer.Ordinal).ToList();
    }

    // Calls onPlural for each top-level plural block and onLiteral for the text between them (plain placeholders included).
    private static void Walk(string text, Action<string, string?, string> onPlural, Action<string> onLiteral)
    {
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('{', position);
            if (open < 0)
            {
                onLiteral(text[position..]);
                return;
            }

            var close = Close(text, open);
            onLiteral(text[position..open]);
            if (TryReadBlock(text[(open + 1)..close], out var argument, out var one, out var other))
            {
                onPlural(argument, one, other);
            }
            else
            {
                onLiteral(text[open..(close + 1)]);
            }

            position = close + 1;
        }
    }

    private static bool TryReadBlock(string inside, out string argument, out string? one, out string other)
    {
        argument = other = string.Empty;
        one = null;
        var parts = inside.Split(',', 3);
        var kind = parts.Length > 1 ? parts[1].Trim() : null;
        if (!(kind == PluralKind && parts.Length == 3) && !(kind == NumberKind && parts.Length == 2))
        {
            return false;
        }

        argument = parts[0].Trim();
        if (argument.Length == 0 || !argument.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new FormatException($"A {kind} block needs an argument name: \"{{{inside}}}\".");
        }

        if (kind == NumberKind)
        {
            other = "#";
            return true;
        }

        string? otherBranch = null;
        var branches = parts[2];
        var position = 0;
        while (SkipSpace(branches, ref position) < branches.Length)
        {
            var open = branches.IndexOf('{', position);
            var selector = open < 0 ? branches[position..].Trim() : branches[position..open].Trim();
            if (open < 0)
            {
                throw new FormatException($"Plural selector '{selector}' has no {{branch}}: \"{{{inside}}}\".");
            }

            var close = Close(branches, open);
            var body = branches[(open + 1)..close];
            switch (selector)
            {
                case "one" when one is null:
                    one = body;
                    break;
                case "other" when otherBranch is null:
                    otherBranch = body;
                    break;
                default:
                    throw new FormatException($"Plural selector '{selector}' is unknown or repeated (one, other): \"{{{inside}}}\".");
            }

            position = close + 1;
        }

        other = otherBranch ?? throw new FormatException($"A plural block needs an 'other' branch: \"{{{inside}}}\".");
        return true;
    }

    private static int SkipSpace(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }

    // The brace closing the one at open, nested braces counted.
    private static int Close(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        throw new FormatException($"Unbalanced braces in \"{text}\".");
    }
}
