using System.Text.Json;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>A card action's answer; <see cref="CardActionRouter"/> delivers it the way the click came (invoke or message).</summary>
public sealed record CardActionResult
{
    private CardActionResult(CardActionResultKind kind, JsonElement? card, string? text)
    {
        Kind = kind;
        CardContent = card;
        Text = text;
    }

    public static CardActionResult None { get; } = new(CardActionResultKind.None, null, null);

    internal static CardActionResult InvalidData { get; } = new(CardActionResultKind.InvalidData, null, null);

    public CardActionResultKind Kind { get; }

    /// <summary>The Adaptive Card JSON, for <see cref="CardActionResultKind.Card"/>.</summary>
    public JsonElement? CardContent { get; }

    /// <summary>The text, for <see cref="CardActionResultKind.Message"/>.</summary>
    public string? Text { get; }

    public static CardActionResult Card(JsonElement card) => new(CardActionResultKind.Card, card, null);

    public static CardActionResult Message(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return new(CardActionResultKind.Message, null, text);
    }
}
