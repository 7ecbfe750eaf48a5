using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>What the adapter's turn loop produced: the HTTP answer of an inbound invoke, and what the turn did.</summary>
internal sealed record TurnOutcome(ProactiveTurnResult Result, InvokeResponse? InvokeResponse);
