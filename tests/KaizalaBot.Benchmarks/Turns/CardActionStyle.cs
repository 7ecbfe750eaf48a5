namespace KaizalaBot.Benchmarks.Turns;

/// <summary>How a seller's client answers a card: Universal Actions (an invoke) or the classic message with <c>value</c>.</summary>
internal enum CardActionStyle
{
    Execute,
    Submit,
}
