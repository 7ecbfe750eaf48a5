namespace KaizalaBot.HostileInput;

/// <summary>What the client does after writing its bytes.</summary>
public enum RequestEnding
{
    /// <summary>Waits for the answer with the connection open.</summary>
    Complete,

    /// <summary>Closes its sending side (the body stops short), then reads the answer.</summary>
    HalfClose,

    /// <summary>Keeps the connection open without sending the rest: the server must give up (408) on its own.</summary>
    Stall,
}
