namespace KaizalaBot.Tests.Support;

/// <summary>How a card button reaches the bot: Universal Actions (an invoke answered in place) or the Action.Submit fallback.</summary>
public enum CardStyle
{
    Execute,
    Submit,
}
