using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>
/// What a proactive turn did. A proactive turn's sends are buffered until its state is saved (a turn re-run after a
/// conflict must not post twice), so the connector's answers, ids included, come back here, in the order sent.
/// </summary>
public sealed record ProactiveTurnResult
{
    public required ProactiveTurnStatus Status { get; init; }

    /// <summary>The connector's answer to each delivered send or update, in order (a delete has none).</summary>
    public IReadOnlyList<ResourceResponse> Responses { get; init; } = [];

    /// <summary>Why the turn did not complete, when it did not (already logged).</summary>
    public Exception? Failure { get; init; }

    /// <summary>
    /// Teams will not take messages in this conversation any more (uninstalled, blocked, disabled by the admin): the
    /// caller drops its stored reference instead of trying again.
    /// </summary>
    public bool IsConversationGone => Failure is ConnectorException { IsConversationGone: true };
}
