using System.Globalization;
using System.Text.Json;
using KaizalaBot.BotFramework.Dialogs.Prompts;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>
/// Reads a card answer's fields as a step expects them, telling a missing field from one of the wrong type: both
/// Teams paths deliver inputs as strings, so a number is accepted as a JSON number or a string of digits.
/// </summary>
internal sealed class CardAnswer(CardSubmission submission)
{
    public string? Verb => submission.Verb;

    /// <summary>The text field, trimmed; null when absent; <paramref name="valid"/> false when present but not a string.</summary>
    public string? Text(string name, out bool valid)
    {
        valid = true;
        if (!TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            valid = false;
            return null;
        }

        return value.GetString()!.Trim();
    }

    /// <summary>A text field that must be present and a string, or null.</summary>
    public string? RequiredText(string name) => Text(name, out var valid) is { Length: > 0 } text && valid ? text : null;

    /// <summary>A whole number: null when absent or not a whole number (decimals, words, booleans, objects).</summary>
    public long? WholeNumber(string name, out bool present)
    {
        present = TryGet(name, out var value) && value.ValueKind != JsonValueKind.Null;
        if (!present)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString()!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private bool TryGet(string name, out JsonElement value)
    {
        value = default;
        return submission.Data.ValueKind == JsonValueKind.Object && submission.Data.TryGetProperty(name, out value);
    }
}
