namespace KaizalaBot.Storage;

/// <summary>The <c>Storage:File</c> section.</summary>
public sealed class FileStorageOptions
{
    /// <summary>Root folder; a relative path is resolved against the host's content root (else the current directory).</summary>
    public string RootPath { get; set; } = Path.Combine(".kaizalabot", "storage");
}
