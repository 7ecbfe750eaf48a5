namespace KaizalaBot.BotFramework.Connector;

/// <summary>
/// How long the connector calls made by the current async flow may wait, for a rate-limit permit or before a
/// retry: until the deadline of the inbound turn they belong to (Teams gives an invoke about 15 seconds), or
/// without limit when none is set (background work, which queues and waits instead of failing).
/// </summary>
/// <remarks>
/// Ambient, like <c>IHttpContextAccessor</c>, so that <see cref="IConnectorClient"/> keeps the SDK's signatures; the
/// value lives in an instance field (one instance per container), never in static state. Setting it inside an async
/// method affects only that method and what it awaits.
/// </remarks>
public sealed class OutboundDeadline
{
    private readonly AsyncLocal<DateTimeOffset?> _current = new();

    /// <summary>The deadline of the current flow, or <c>null</c> for background work.</summary>
    public DateTimeOffset? Current => _current.Value;

    /// <summary>Sets the deadline for the calling async method and everything it awaits from now on.</summary>
    public void Enter(DateTimeOffset? deadline) => _current.Value = deadline;
}
