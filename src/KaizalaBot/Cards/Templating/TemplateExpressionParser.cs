using System.Globalization;
using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary>
/// Recursive-descent parser from the text inside <c>${…}</c> to a <see cref="TemplateExpression"/> tree, run once per
/// expression when its template is loaded; <paramref name="location"/> names where it is in the template.
/// </summary>
internal sealed class TemplateExpressionParser(string text, string location)
{
    private static readonly string[] ComparisonOperators = ["==", "!=", ">=", "<=", ">", "<"];

    private int _position;

    public TemplateExpression ParseWhole()
    {
        var value = ParseOr();
        SkipSpace();
        return _position == text.Length ? value : throw Error($"Unexpected '{text[_position..]}'");
    }

    private TemplateExpression ParseOr()
    {
        var left = ParseAnd();
        while (TryConsume("||"))
        {
            left = new LogicalExpression(isAnd: false, left, ParseAnd(), text, location);
        }

        return left;
    }

    private TemplateExpression ParseAnd()
    {
        var left = ParseUnary();
        while (TryConsume("&&"))
        {
            left = new LogicalExpression(isAnd: true, left, ParseUnary(), text, location);
        }

        return left;
    }

    private TemplateExpression ParseUnary()
    {
        SkipSpace();
        if (Peek() == '!' && PeekAt(1) != '=')
        {
            _position++;
            return new NotExpression(ParseUnary(), text, location);
        }

        return ParseComparison();
    }

    private TemplateExpression ParseComparison()
    {
        var left = ParsePrimary();
        foreach (var op in ComparisonOperators)
        {
            if (TryConsume(op))
            {
                return new ComparisonExpression(op, left, ParsePrimary(), text, location);
            }
        }

        return left;
    }

    private TemplateExpression ParsePrimary()
    {
        SkipSpace();
        var c = Peek();
        if (c == '(')
        {
            _position++;
            var inner = ParseOr();
            Expect(')');
            return inner;
        }

        if (c is '\'' or '"')
        {
            return Literal(TemplateValues.Text(ParseStringLiteral(c.Value)));
        }

        if (c is { } digit && (char.IsAsciiDigit(digit) || digit == '-'))
        {
            return Literal(ParseNumberLiteral());
        }

        var name = ParseIdentifier();
        SkipSpace();
        if (Peek() == '(')
        {
            return ParseCall(name);
        }

        return name switch
        {
            "true" => Literal(TemplateValues.Bool(true)),
            "false" => Literal(TemplateValues.Bool(false)),
            "null" => Literal(default),
            _ => new PathExpression(name, ParsePathRest(), text, location),
        };
    }

    private LiteralExpression Literal(JsonElement value) => new(value, text, location);

    private FunctionExpression ParseCall(string name)
    {
        Expect('(');
        var args = new List<TemplateExpression>();
        SkipSpace();
        if (Peek() != ')')
        {
            do
            {
                args.Add(ParseOr());
            }
            while (TryConsume(","));
        }

        Expect(')');
        return FunctionExpression.IsKnown(name, args.Count)
            ? new FunctionExpression(name, args, text, location)
            : throw Error($"Unknown function {name}/{args.Count}");
    }

    private List<PathSegment> ParsePathRest()
    {
        var segments = new List<PathSegment>();
        while (true)
        {
            if (TryConsumeImmediate('.'))
            {
                segments.Add(new PathSegment(ParseIdentifier(), 0));
            }
            else if (TryConsumeImmediate('['))
            {
                var index = (int)double.Parse(ParseNumberLiteral().GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
                Expect(']');
                segments.Add(new PathSegment(null, index));
            }
            else
            {
                return segments;
            }
        }
    }

    private string ParseIdentifier()
    {
        SkipSpace();
        var start = _position;
        while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] is '_' or '$'))
        {
            _position++;
        }

        return _position > start ? text[start.._position] : throw Error("Expected a name");
    }

    // Parsed from text so the literal converts to int, long or double alike, as numbers from the model do.
    private JsonElement ParseNumberLiteral()
    {
        SkipSpace();
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] == '.'))
        {
            _position++;
        }

        var literal = text[start.._position];
        return double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? JsonElement.Parse(literal)
            : throw Error("Expected a number");
    }

    private string ParseStringLiteral(char quote)
    {
        _position++;
        var end = text.IndexOf(quote, _position);
        if (end < 0)
        {
            throw Error("Unterminated string literal");
        }

        var value = text[_position..end];
        _position = end + 1;
        return value;
    }

    private bool TryConsume(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(text, _position, token, 0, token.Length) != 0)
        {
            return false;
        }

        _position += token.Length;
        return true;
    }

    private bool TryConsumeImmediate(char c)
    {
        if (Peek() != c)
        {
            return false;
        }

        _position++;
        return true;
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (!TryConsumeImmediate(c))
        {
            throw Error($"Expected '{c}'");
        }
    }

    private void SkipSpace()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }
    }

    private char? Peek() => _position < text.Length ? text[_position] : null;

    private char? PeekAt(int offset) => _position + offset < text.Length ? text[_position + offset] : null;

    private CardTemplateException Error(string message) => new($"{message} in expression \"{text}\"", location);
}
