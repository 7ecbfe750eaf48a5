namespace KaizalaBot.Playground;

/// <summary>The Playground could not be installed or started; the bot itself keeps running.</summary>
public sealed class PlaygroundException : Exception
{
    public PlaygroundException()
    {
    }

    public PlaygroundException(string message)
        : base(message)
    {
    }

    public PlaygroundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
