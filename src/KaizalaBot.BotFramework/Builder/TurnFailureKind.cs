namespace KaizalaBot.BotFramework.Builder;

/// <summary>Whose fault a failed turn was, which decides how loudly it is logged.</summary>
internal enum TurnFailureKind
{
    /// <summary>A bug of ours: logged as an Error with its stack trace.</summary>
    OwnFault,

    /// <summary>The caller sent something we must refuse (e.g. a serviceUrl we may not call): a Warning, no trace.</summary>
    CallerMistake,

    /// <summary>Teams or the network failed or refused (gone conversation, throttling, outage): a Warning, no trace.</summary>
    Dependency,

    /// <summary>The turn ran out of time (its deadline or the host stopping): a Warning, no trace.</summary>
    TimedOut,
}
