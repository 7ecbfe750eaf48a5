namespace KaizalaBot.BotFramework.Builder;

/// <summary>What a card action answers.</summary>
public enum CardActionResultKind
{
    /// <summary>Nothing in place of the card (the route may have sent messages).</summary>
    None,

    /// <summary>A card that replaces the clicked one.</summary>
    Card,

    /// <summary>A short message: a toast for <c>Action.Execute</c>, a chat message for <c>Action.Submit</c>.</summary>
    Message,

    /// <summary>The action's data did not fit the route (a forged or outdated card): refused, nothing changed.</summary>
    InvalidData,
}
