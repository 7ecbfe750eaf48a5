namespace KaizalaBot.TeamsApp;

/// <summary>The Teams app package was refused or could not be built; the message says why, for whoever packages it.</summary>
public sealed class TeamsAppPackageException : Exception
{
    public TeamsAppPackageException()
    {
    }

    public TeamsAppPackageException(string message)
        : base(message)
    {
    }

    public TeamsAppPackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
