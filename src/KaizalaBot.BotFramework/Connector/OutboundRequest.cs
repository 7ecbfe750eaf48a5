namespace KaizalaBot.BotFramework.Connector;

/// <summary>
/// One outbound send as Teams' rate limits see it (reference §5.9): the conversation (thread) it writes to, the tenant
/// it counts against (unknown tenants share one budget), and until when it may wait for a permit — an inbound turn's
/// deadline, or <c>null</c> for background work, which waits as long as it takes.
/// </summary>
public sealed record OutboundRequest(string? ConversationId, string? TenantId, DateTimeOffset? Deadline);
