namespace KaizalaBot.Benchmarks.Turns;

/// <summary>The bot's answer was not what the walk expected (a card missing, an action not on it): counted as an error.</summary>
internal sealed class WalkBrokenException(string message) : Exception(message);
