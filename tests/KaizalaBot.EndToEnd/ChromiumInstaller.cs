using System.ComponentModel;
using System.Diagnostics;

namespace KaizalaBot.EndToEnd;

/// <summary>
/// Debian's Chromium is what the browser test drives (no test tool may download its own browser here). A fresh
/// machine lacks it, so the first run installs it with apt-get when it can (root), and otherwise fails saying how.
/// </summary>
internal static class ChromiumInstaller
{
    public const string DefaultPath = "/usr/bin/chromium";

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

        await RunAsync("apt-get", ["update", "-qq"], cancellationToken);
        await RunAsync("apt-get", ["install", "-y", "-qq", "chromium"], cancellationToken);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"apt-get installed chromium but {path} is still missing.");
    }

    private static async Task RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed (exit {process.ExitCode}): {await errors}{await output}");
            }
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"{program} could not be started to install Chromium.", ex);
        }
    }
}
