namespace KaizalaBot.HostileInput;

/// <summary>
/// One generated request, as raw bytes so that framing itself can be broken. <see cref="ValidConversationId"/> is set on
/// a valid message turn: the bot must then post a reply to that conversation at the connector sink.
/// <see cref="UnimplementedInvoke"/> marks an invoke whose name the bot does not implement, for which 501 is the Bot
/// Framework protocol's documented answer (the only 5xx a run accepts).
/// </summary>
internal sealed record HostileCase(
    int Index,
    CaseKind Kind,
    string Description,
    byte[] Request,
    RequestEnding Ending = RequestEnding.Complete,
    string? ValidConversationId = null,
    bool UnimplementedInvoke = false);
