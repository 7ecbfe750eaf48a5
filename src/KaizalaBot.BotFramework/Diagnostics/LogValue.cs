using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace KaizalaBot.BotFramework.Diagnostics;

/// <summary>
/// Makes a request-derived value safe to log: at most <see cref="MaxLength"/> characters (a 200 KB id would otherwise
/// land in every log line about its turn), and control, line-breaking and bidirectional-override characters escaped
/// as <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\uXXXX</c>, so a value can neither forge a log line nor hide what it is.
/// Use it on every log parameter that came from outside: ids, names, URLs, issuers, header values.
/// </summary>
public static class LogValue
{
    public const int MaxLength = 128;

    [return: NotNullIfNotNull(nameof(value))]
    public static string? Of(string? value) => Of(value, MaxLength);

    [return: NotNullIfNotNull(nameof(value))]
    public static string? Of(string? value, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (value is null)
        {
            return null;
        }

        var end = Math.Min(value.Length, maxLength);

        // Never cut between the halves of a surrogate pair: the log would carry a lone surrogate.
        if (end < value.Length && end > 0 && char.IsHighSurrogate(value[end - 1]) && char.IsLowSurrogate(value[end]))
        {
            end--;
        }

        if (end == value.Length && !NeedsEscaping(value))
        {
            return value;
        }

        var builder = new StringBuilder(end + 16);
        for (var i = 0; i < end; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                default:
                    if (IsUnsafe(value, i))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        if (end < value.Length)
        {
            builder.Append("…(").Append((value.Length - end).ToString(CultureInfo.InvariantCulture)).Append(" more)");
        }

        return builder.ToString();
    }

    private static bool NeedsEscaping(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' || IsUnsafe(value, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnsafe(string value, int index)
    {
        var c = value[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= value.Length || !char.IsLowSurrogate(value[index + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return index == 0 || !char.IsHighSurrogate(value[index - 1]);
        }

        // Cc: C0/C1 controls; Zl/Zp: line and paragraph separators; Cf: format characters such as the bidirectional
        // overrides (U+202E) and zero-width characters that make a value read differently from what it is.
        return char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format;
    }
}
