using System.ComponentModel;
using System.Diagnostics;

namespace KaizalaBot.Tests.Support;

/// <summary>
/// Runs a Node.js script of an npm tool folder under <c>tests/tools</c>, installing the folder's pinned packages with
/// <c>npm ci</c> on first use. Without Node.js the calling test fails with a message saying so — never a silent pass.
/// </summary>
internal static class NodeTool
{
    public static async Task<string> RunAsync(
        string toolFolder, string script, string standardInput, CancellationToken cancellationToken, params string[] arguments)
    {
        var directory = Path.Combine(RepositoryPaths.Root, "tests", "tools", toolFolder);
        await EnsureInstalledAsync(directory, cancellationToken);

        var (exitCode, output, errors) = await ExecuteAsync("node", directory, [script, .. arguments], standardInput, cancellationToken);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"node {script} in {directory} failed (exit {exitCode}): {errors}");
    }

    private static async Task EnsureInstalledAsync(string directory, CancellationToken cancellationToken)
    {
        var marker = Path.Combine(directory, "node_modules", ".package-lock.json");
        if (File.Exists(marker))
        {
            return;
        }

        // Test assemblies run in parallel processes; an exclusive lock file keeps two npm installs apart.
        await using var gate = await AcquireLockAsync(Path.Combine(directory, ".install.lock"), cancellationToken);
        if (!File.Exists(marker))
        {
            var (exitCode, output, errors) = await ExecuteAsync(
                "npm", directory, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], null, cancellationToken);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {directory} failed (exit {exitCode}): {errors}{output}");
            }
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    private static async Task<(int ExitCode, string Output, string Errors)> ExecuteAsync(
        string program, string directory, IEnumerable<string> arguments, string? standardInput, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = standardInput is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"'{program}' was not found: these tests need Node.js 20+ and npm on PATH (see README, Troubleshooting).", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
                process.StandardInput.Close();
            }

            await process.WaitForExitAsync(cancellationToken);
            return (process.ExitCode, await output, await errors);
        }
    }
}
