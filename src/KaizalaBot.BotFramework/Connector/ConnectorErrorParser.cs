using System.Globalization;
using System.Text.Json;

namespace KaizalaBot.BotFramework.Connector;

/// <summary>
/// Reads the connector's error bodies defensively (reference §4.2): the documented
/// <c>{"error":{"code","message"}}</c>, and Teams' <c>{"errorCode":209,"message":"{\"subCode\":…}"}</c> whose message is
/// itself JSON. Anything else yields empty fields, never an exception.
/// </summary>
internal static class ConnectorErrorParser
{
    private const int MaxMessageLength = 500;

    public static ConnectorError Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new ConnectorError(null, null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ConnectorError(null, null, Truncate(body));
            }

            var scope = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object ? error : root;
            var code = ReadScalar(scope, "code") ?? ReadScalar(scope, "errorCode") ?? ReadScalar(root, "errorCode");
            var message = ReadScalar(scope, "message") ?? ReadScalar(root, "message");
            var subCode = ReadScalar(scope, "subCode") ?? ReadSubCodeFromMessage(message);
            return new ConnectorError(code, subCode, Truncate(message));
        }
        catch (JsonException)
        {
            return new ConnectorError(null, null, Truncate(body));
        }
    }

    private static string? ReadSubCodeFromMessage(string? message)
    {
        if (message is null || !message.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var inner = JsonDocument.Parse(message);
            return inner.RootElement.ValueKind == JsonValueKind.Object ? ReadScalar(inner.RootElement, "subCode") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ReadScalar(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => value.GetBoolean().ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static string? Truncate(string? text) =>
        text is { Length: > MaxMessageLength } ? text[..MaxMessageLength] : text;
}
