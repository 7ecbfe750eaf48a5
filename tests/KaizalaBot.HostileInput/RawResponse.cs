namespace KaizalaBot.HostileInput;

/// <summary>What came back on the socket: a status (0 when none) and the decoded body, or a timeout.</summary>
public sealed record RawResponse(int Status, string Body, bool TimedOut)
{
    public static RawResponse Timeout { get; } = new(0, string.Empty, true);

    public static RawResponse ClosedWithoutAnswer { get; } = new(0, string.Empty, false);
}
