using System.ComponentModel.DataAnnotations;

namespace KaizalaBot.Playground;

/// <summary>
/// The Microsoft 365 Agents Playground, a Teams-like local client started next to the bot in Development
/// (<c>Playground</c> section). It talks to the bot without credentials, so it is refused when an app id is set.
/// </summary>
public sealed class PlaygroundOptions
{
    public const string Section = "Playground";

    public bool Enabled { get; init; }

    /// <summary>Port of the Playground's web UI and mocked connector (<c>http://localhost:{port}</c>).</summary>
    [Range(1, 65535)]
    public int Port { get; init; } = 56150;

    /// <summary>Folder holding the pinned <c>package.json</c>; relative paths are under the content root.</summary>
    [Required]
    public string InstallDirectory { get; init; } = "Playground";

    [Required]
    public string NodeExecutable { get; init; } = "node";

    [Required]
    public string NpmExecutable { get; init; } = "npm";
}
