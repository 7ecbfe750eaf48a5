namespace KaizalaBot.HostileInput;

/// <summary>
/// One generated request, as raw bytes so that framing itself can be broken. <see cref="ValidConversationId"/> is set on
/// a valid message turn: the bot must then post a reply to that conversation at the connector sink.
/// <see cref="UnimplementedInvoke"/> marks an invoke whose name the bot does not implement, for which 501 is the Bot
/// Framework protocol's documented answer (the only 5xx a run accepts). <see cref="DocumentedStatuses"/>, when set, are
/// the only HTTP statuses the case may be answered with (a forged card click: 200, or 400 for an invoke whose data does
/// not fit its route). <see cref="DialogConversationId"/> names the dialog conversation a forged click aims at, whose
/// new stamp an invoke's answer may carry.
/// </summary>
internal sealed record HostileCase(
    int Index,
    CaseKind Kind,
    string Description,
    byte[] Request,
    RequestEnding Ending = RequestEnding.Complete,
    string? ValidConversationId = null,
    bool UnimplementedInvoke = false,
    IReadOnlySet<int>? DocumentedStatuses = null,
    string? DialogConversationId = null);
