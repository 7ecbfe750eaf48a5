using System.Globalization;
using System.Text;

namespace KaizalaBot.Bot;

/// <summary>
/// A seller's words quoted back to them (e.g. "I did not understand …"): on one line, and at most a given length,
/// cut between user-perceived characters, so neither a surrogate pair (an emoji) nor a letter and its combining accent
/// is ever split; a cut is marked with an ellipsis.
/// </summary>
public static class TextExcerpt
{
    public static string Of(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);

        var line = OneLine(text);
        if (line.Length <= maxLength)
        {
            return line;
        }

        var end = 0;
        while (end < line.Length)
        {
            var next = StringInfo.GetNextTextElementLength(line.AsSpan(end));
            if (end + next > maxLength)
            {
                break;
            }

            end += next;
        }

        return string.Concat(line.AsSpan(0, end).TrimEnd(), "…");
    }

    // Line breaks and other control characters would break the one-line quote: each run of them and of white space
    // becomes one space.
    private static string OneLine(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            var blank = char.IsWhiteSpace(c) || char.IsControl(c);
            if (!blank)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }
}
