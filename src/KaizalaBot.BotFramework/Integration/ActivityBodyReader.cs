using System.Text.Json;
using System.Text.Unicode;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Integration;

/// <summary>
/// Turns a request body into an <see cref="Activity"/> or the reason it is not one (for a 400). Beyond what the
/// serializer checks (syntax, types, nesting deeper than 64), every string and key must be valid UTF-8 and well-formed
/// UTF-16 once unescaped (<c>"\ud800"</c> is valid JSON, but such text breaks storage and logs later), no object may
/// repeat a key, and <see cref="ActivityValidator"/> must accept the result.
/// </summary>
internal static class ActivityBodyReader
{
    private const string NotAnActivity = "The body is not a JSON activity.";
    private const string InvalidText = "The body holds text that is not valid Unicode (invalid UTF-8, or an escaped lone surrogate).";

    public static ActivityReadResult Read(ReadOnlySpan<byte> body)
    {
        // A UTF-8 byte order mark is harmless; the reader below does not expect one.
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        if (FindTextProblem(body) is { } textProblem)
        {
            return ActivityReadResult.Rejected(textProblem);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Inbound);
        }
        catch (JsonException)
        {
            // The exception's text (paths, positions) describes our types; the caller gets the rule instead.
            return ActivityReadResult.Rejected(NotAnActivity + " Check the JSON syntax, each field's type, and that no key is repeated.");
        }

        if (activity is null)
        {
            return ActivityReadResult.Rejected(NotAnActivity);
        }

        return ActivityValidator.FindProblem(activity) is { } problem
            ? ActivityReadResult.Rejected(problem)
            : ActivityReadResult.Accepted(activity);
    }

    private static string? FindTextProblem(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !IsValidText(ref reader))
                {
                    return InvalidText;
                }
            }
        }
        catch (JsonException)
        {
            return NotAnActivity + " Check the JSON syntax and nesting depth.";
        }
        catch (InvalidOperationException)
        {
            return InvalidText;
        }

        return null;
    }

    /// <summary>
    /// Text without escapes is checked as the UTF-8 it is, in place; only escaped text is decoded, since an escape can
    /// leave a lone surrogate. Decoding every string and key to a .NET string only to check it allocated each of them a
    /// second time on every turn (the deserialiser makes its own).
    /// </summary>
    private static bool IsValidText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Utf8.IsValid(reader.ValueSpan);
        }

        // Throws on invalid UTF-8 and on escapes that leave a lone surrogate.
        _ = reader.GetString();
        return true;
    }
}
