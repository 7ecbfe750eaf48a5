namespace KaizalaBot.BotFramework.Builder;

/// <summary>How a proactive turn ended.</summary>
public enum ProactiveTurnStatus
{
    /// <summary>The callback ran, its state (if any) was saved and everything it sent was delivered.</summary>
    Completed,

    /// <summary>The callback threw (logged): nothing it sent left and none of its state was saved.</summary>
    CallbackFailed,

    /// <summary>The state was saved but a send failed (see <see cref="ProactiveTurnResult.Failure"/>).</summary>
    SendFailed,
}
