namespace KaizalaBot.Reliability;

/// <summary>The bot answered a walk's turn other than the walk expects: the walk stops and says why.</summary>
internal sealed class DialogWalkException(string message) : Exception(message);
