using System.Text.Json;

namespace KaizalaBot.BotFramework.Schema;

/// <summary>A Bot Framework card action (hero cards, suggested actions).</summary>
public sealed record CardAction
{
    public required string Type { get; init; }

    public string? Title { get; init; }

    public string? Text { get; init; }

    public string? DisplayText { get; init; }

    public JsonElement? Value { get; init; }
}
