using KaizalaBot.Testing.Processes;

namespace KaizalaBot.EndToEnd;

/// <summary>
/// Debian's Chromium is what the browser test drives (no test tool may download its own browser here). A fresh
/// machine lacks it, so the first run installs it with apt-get when it can (root), and otherwise fails saying how.
/// </summary>
internal static class ChromiumInstaller
{
    public const string DefaultPath = "/usr/bin/chromium";

    // Each apt-get step; a mirror that stalls fails the run with the command's name instead of hanging it.
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(10);

    private static readonly Dictionary<string, string> NonInteractive = new() { ["DEBIAN_FRONTEND"] = "noninteractive" };

    public static async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? DefaultPath;
        if (File.Exists(path))
        {
            return path;
        }

        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {path}: install Debian's chromium package (sudo apt-get install chromium) or set CHROMIUM_PATH.");
        }

        await AptGetAsync(cancellationToken, "update", "-qq");
        await AptGetAsync(cancellationToken, "install", "-y", "-qq", "chromium");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"apt-get installed chromium but {path} is still missing.");
    }

    private static async Task AptGetAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(
            "apt-get", AppContext.BaseDirectory, NonInteractive, StepTimeout, standardInput: null, cancellationToken, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"apt-get {string.Join(' ', arguments)} failed (exit {result.ExitCode}) while installing Chromium: {result.Errors}{result.Output}");
        }
    }
}
