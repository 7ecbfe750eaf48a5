using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace KaizalaBot.BotFramework.Diagnostics;

/// <summary>
/// A request-derived value on its way into a log: declare the <c>[LoggerMessage]</c> parameter as <see cref="LogValue"/>
/// and pass the raw string (the conversion is implicit), so no call site can forget the sanitising and nothing is
/// computed when the level is off. Rendered, it is at most <see cref="MaxLength"/> characters (a 200 KB id would
/// otherwise land in every log line about its turn), with control, line-breaking, bidirectional-override and other
/// format characters and lone surrogates escaped as <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\uXXXX</c> (and <c>\</c> as
/// <c>\\</c>), so a value can neither forge a log line nor hide what it is.
/// </summary>
public readonly record struct LogValue(string? Value)
{
    public const int MaxLength = 128;

    public static implicit operator LogValue(string? value) => new(value);

    public override string ToString() => Sanitize(Value) ?? "(null)";

    /// <summary>The same rendering, for a value that goes somewhere other than a log parameter.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Sanitize(string? value, int maxLength = MaxLength)
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
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '\\' => builder.Append("\\\\"),
                _ when IsUnsafe(value, i) => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
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
