namespace KaizalaBot.BotFramework.Builder;

/// <summary>Where a turn came from.</summary>
internal enum TurnKind
{
    /// <summary>An activity the channel posted to the bot.</summary>
    Inbound,

    /// <summary>A turn the bot started itself (reminders, progress cards) with <see cref="CloudAdapter.ContinueConversationAsync"/>.</summary>
    Proactive,
}
