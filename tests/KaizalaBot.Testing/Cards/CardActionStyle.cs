namespace KaizalaBot.Testing.Cards;

/// <summary>How a seller's client answers a card: Universal Actions (an invoke) or the classic message with <c>value</c>.</summary>
public enum CardActionStyle
{
    Execute,
    Submit,
}
