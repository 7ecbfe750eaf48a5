using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>
/// What the adapter's turn loop produced: the HTTP answer of an inbound invoke, what the turn did, and whose fault it
/// was when it failed.
/// </summary>
internal sealed record TurnOutcome(ProactiveTurnResult Result, InvokeResponse? InvokeResponse, TurnFailureKind? Failure = null);
