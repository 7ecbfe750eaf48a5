namespace KaizalaBot.Migration.Jobs;

public enum CommandStatus
{
    Done,

    /// <summary>The seller may not do this (not entitled, not the owner, not an Admin agent for approvals).</summary>
    Refused,

    /// <summary>The draft fails a blocking check (unknown plan, impossible licence count, source not active).</summary>
    Invalid,

    /// <summary>Another migration is active (or done) for the same customer and Kaizala subscription.</summary>
    AlreadyActive,

    /// <summary>The migration is in a state where this command means nothing (e.g. cancel a completed one).</summary>
    WrongState,

    NotFound,
}
