namespace KaizalaBot.HostileInput;

/// <summary>The family a generated request belongs to; the report counts answers per family.</summary>
public enum CaseKind
{
    /// <summary>A well-formed turn that must be answered (a help message, or a card action answered in the response).</summary>
    ValidTurn,
    MalformedJson,
    WrongType,
    HugeBody,
    DeepNesting,
    OddUnicode,
    HostileServiceUrl,
    HostileId,
    BrokenFraming,
    CardAction,

    /// <summary>An invoke the bot does not implement: 501 is the Bot Framework protocol's documented answer.</summary>
    UnknownInvoke,
    MentionBomb,
    HostileHeaders,

    /// <summary>A forged click (Execute invoke or Submit message) with a known verb, in a conversation with no dialog.</summary>
    CardPayload,

    /// <summary>A forged click in one of the conversations where the harness keeps a migration dialog under way.</summary>
    DialogCardPayload,
}
