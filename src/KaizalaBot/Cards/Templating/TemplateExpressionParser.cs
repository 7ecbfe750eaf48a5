using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KaizalaBot.Cards.Templating;

/// <summary>Recursive-descent parser that evaluates as it parses (expressions are tiny and bound once per card).</summary>
internal sealed class TemplateExpressionParser(string text, TemplateScope scope, string location)
{
    private int _position;

    public JsonNode? ParseWhole()
    {
        var value = ParseOr();
        SkipSpace();
        return _position == text.Length ? value : throw Error($"Unexpected '{text[_position..]}'");
    }

    private JsonNode? ParseOr()
    {
        var left = ParseAnd();
        while (TryConsume("||"))
        {
            var right = ParseAnd();
            left = JsonValue.Create(TemplateExpression.IsTruthy(left) || TemplateExpression.IsTruthy(right));
        }

        return left;
    }

    private JsonNode? ParseAnd()
    {
        var left = ParseUnary();
        while (TryConsume("&&"))
        {
            var right = ParseUnary();
            left = JsonValue.Create(TemplateExpression.IsTruthy(left) && TemplateExpression.IsTruthy(right));
        }

        return left;
    }

    private JsonNode? ParseUnary()
    {
        SkipSpace();
        if (Peek() == '!' && PeekAt(1) != '=')
        {
            _position++;
            return JsonValue.Create(!TemplateExpression.IsTruthy(ParseUnary()));
        }

        return ParseComparison();
    }

    private JsonNode? ParseComparison()
    {
        var left = ParsePrimary();
        foreach (var op in (string[])["==", "!=", ">=", "<=", ">", "<"])
        {
            if (TryConsume(op))
            {
                var right = ParsePrimary();
                return JsonValue.Create(Compare(op, left, right));
            }
        }

        return left;
    }

    private static bool Compare(string op, JsonNode? left, JsonNode? right)
    {
        if (op is "==" or "!=")
        {
            var equal = IsNumber(left) && IsNumber(right)
                ? ToNumber(left) == ToNumber(right)
                : JsonNode.DeepEquals(left, right);
            return op == "==" ? equal : !equal;
        }

        var l = ToNumber(left);
        var r = ToNumber(right);
        return op switch
        {
            ">" => l > r,
            "<" => l < r,
            ">=" => l >= r,
            _ => l <= r,
        };
    }

    private static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    // Values built from CLR numbers only convert to their own type, so numbers are compared through their JSON text.
    private static double ToNumber(JsonNode? node) =>
        IsNumber(node) ? double.Parse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) : 0;

    private JsonNode? ParsePrimary()
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
            return JsonValue.Create(ParseStringLiteral(c.Value));
        }

        if (c is { } digit && (char.IsAsciiDigit(digit) || digit == '-'))
        {
            return ParseNumberLiteral();
        }

        var name = ParseIdentifier();
        SkipSpace();
        if (Peek() == '(')
        {
            return CallFunction(name);
        }

        return name switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" => null,
            _ => ParsePathRest(Resolve(name), name),
        };
    }

    private JsonNode? CallFunction(string name)
    {
        Expect('(');
        var args = new List<JsonNode?>();
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
        return (name, args.Count) switch
        {
            ("count", 1) => JsonValue.Create(args[0] is JsonArray a ? a.Count : args[0] is null ? 0 : TemplateExpression.ToText(args[0]).Length),
            ("if", 3) => (TemplateExpression.IsTruthy(args[0]) ? args[1] : args[2])?.DeepClone(),
            _ => throw Error($"Unknown function {name}/{args.Count}"),
        };
    }

    private JsonNode? Resolve(string name) => name switch
    {
        "$root" => scope.Root,
        "$data" => scope.Data,
        "$index" => scope.Index is { } i ? JsonValue.Create(i) : throw Error("$index outside a repeated element"),
        _ => Member(scope.Data, name, name),
    };

    private JsonNode? ParsePathRest(JsonNode? current, string path)
    {
        while (true)
        {
            if (TryConsumeImmediate('.'))
            {
                var member = ParseIdentifier();
                path = $"{path}.{member}";
                current = Member(current, member, path);
            }
            else if (TryConsumeImmediate('['))
            {
                var index = (int)ToNumber(ParseNumberLiteral());
                Expect(']');
                path = $"{path}[{index}]";
                current = current is JsonArray array && index >= 0 && index < array.Count
                    ? array[index]
                    : throw Error($"No element {path} in the card data");
            }
            else
            {
                return current;
            }
        }
    }

    private JsonNode? Member(JsonNode? node, string name, string path) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value)
            ? value
            : throw Error($"No property {path} in the card data");

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
    private JsonNode ParseNumberLiteral()
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
            ? JsonNode.Parse(literal)!
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
