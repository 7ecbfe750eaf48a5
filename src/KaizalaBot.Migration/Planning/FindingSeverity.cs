namespace KaizalaBot.Migration.Planning;

public enum FindingSeverity
{
    /// <summary>Worth knowing; nothing to do.</summary>
    Info,

    /// <summary>The migration can run, but the seller should read this (what to do is in the message's action text).</summary>
    Warns,

    /// <summary>The migration cannot be confirmed until this is resolved.</summary>
    Blocks,
}
