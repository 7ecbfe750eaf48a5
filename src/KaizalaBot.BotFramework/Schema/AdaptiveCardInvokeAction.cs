using System.Text.Json;

namespace KaizalaBot.BotFramework.Schema;

/// <summary>The <c>Action.Execute</c> that was clicked: its verb and its data merged with the card's inputs.</summary>
public sealed record AdaptiveCardInvokeAction
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? Verb { get; init; }

    public JsonElement? Data { get; init; }
}
