namespace KaizalaBot.Tooling;

/// <summary>An npm tool folder could not be installed or its script failed; the message says why, in plain words.</summary>
public sealed class NpmToolException : Exception
{
    public NpmToolException()
    {
    }

    public NpmToolException(string message)
        : base(message)
    {
    }

    public NpmToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
