namespace KaizalaBot.Cards.Templating;

/// <summary>Splits template text into literal runs and <c>${…}</c> expressions (quotes inside expressions may hold braces).</summary>
internal static class TemplateString
{
    public static bool IsSingleExpression(string text, out string expression)
    {
        expression = string.Empty;
        if (!text.StartsWith("${", StringComparison.Ordinal) || !text.EndsWith('}'))
        {
            return false;
        }

        var end = FindClose(text, 2);
        if (end != text.Length - 1)
        {
            return false;
        }

        expression = text[2..end];
        return true;
    }

    public static IEnumerable<TemplateStringPart> Split(string text, string location)
    {
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf("${", position, StringComparison.Ordinal);
            if (start < 0)
            {
                yield return new TemplateStringPart(text[position..], IsExpression: false);
                yield break;
            }

            if (start > position)
            {
                yield return new TemplateStringPart(text[position..start], IsExpression: false);
            }

            var end = FindClose(text, start + 2);
            if (end < 0)
            {
                throw new CardTemplateException($"Unterminated expression in \"{text}\".", location);
            }

            yield return new TemplateStringPart(text[(start + 2)..end], IsExpression: true);
            position = end + 1;
        }
    }

    private static int FindClose(string text, int from)
    {
        char? quote = null;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '}')
            {
                return i;
            }
        }

        return -1;
    }
}
