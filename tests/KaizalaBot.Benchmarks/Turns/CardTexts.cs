using System.Text.Json;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// A card's texts in order, for a message saying why a walk broke: they name the step the bot is on and why (an intro, a
/// notice), where the first bytes of its JSON would not.
/// </summary>
internal static class CardTexts
{
    private const int MaxLength = 600;

    public static string Excerpt(JsonElement? card)
    {
        if (card is not { } shown)
        {
            return "(no card)";
        }

        var texts = string.Join(" | ", TextsOf(shown));
        return texts.Length <= MaxLength ? texts : texts[..MaxLength] + "...";
    }

    private static IEnumerable<string> TextsOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("type", out var type) && type.ValueEquals("TextBlock")
            && element.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String => [text.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => TextsOf(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(TextsOf),
        _ => [],
    };
}
