namespace KaizalaBot.TeamsApp;

/// <summary>One schema violation: the file, the JSON pointer inside it, and what is wrong.</summary>
public sealed record TeamsAppValidationError(string File, string Path, string Message)
{
    public override string ToString() => $"{File} {Path}: {Message}";
}
