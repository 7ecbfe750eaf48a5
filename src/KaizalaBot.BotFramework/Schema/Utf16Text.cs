namespace KaizalaBot.BotFramework.Schema;

/// <summary>
/// Well-formedness of UTF-16 text. JSON lets a client escape a lone surrogate (<c>"\ud800"</c>), which .NET strings
/// hold but UTF-8 cannot encode: such text fails later, far from where it came in (storage, logs, URLs), or is
/// silently replaced by U+FFFD so two different values become one.
/// </summary>
internal static class Utf16Text
{
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
            {
                continue;
            }

            if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                return false;
            }

            i++;
        }

        return true;
    }
}
