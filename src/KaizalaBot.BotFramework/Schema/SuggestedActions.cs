namespace KaizalaBot.BotFramework.Schema;

/// <summary>Quick replies; in Teams only <c>imBack</c> actions in 1:1 chats are shown.</summary>
public sealed record SuggestedActions
{
    public IReadOnlyList<string>? To { get; init; }

    public IReadOnlyList<CardAction>? Actions { get; init; }
}
