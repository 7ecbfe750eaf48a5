using System.ComponentModel;
using System.Diagnostics;

namespace KaizalaBot.TeamsApp;

/// <summary>
/// A folder of Node.js scripts whose npm packages are pinned by a committed <c>package-lock.json</c>: installed with
/// <c>npm ci</c> into its ignored <c>node_modules</c> on first use, then each script runs with <c>node</c>, fed on
/// standard input. Node.js missing is reported as such, never as a stack trace.
/// </summary>
public sealed class NpmToolFolder(string directory, TimeProvider time)
{
    public string Directory { get; } = directory;

    public string NodeExecutable { get; init; } = "node";

    public string NpmExecutable { get; init; } = "npm";

    /// <returns>The script's standard output.</returns>
    /// <exception cref="TeamsAppPackageException">npm or the script failed, or Node.js is not installed.</exception>
    public async Task<string> RunScriptAsync(string script, string standardInput, CancellationToken cancellationToken)
    {
        await EnsureInstalledAsync(cancellationToken);
        var (exitCode, output, errors) = await RunAsync(NodeExecutable, [script], standardInput, cancellationToken);
        return exitCode == 0
            ? output
            : throw new TeamsAppPackageException($"node {script} in {Directory} failed (exit {exitCode}): {errors}");
    }

    private async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        var marker = Path.Combine(Directory, "node_modules", ".package-lock.json");
        if (File.Exists(marker))
        {
            return;
        }

        // Callers run in parallel (test classes, a packaging run beside them): one npm ci at a time per folder.
        await using var gate = await AcquireInstallLockAsync(cancellationToken);
        if (!File.Exists(marker))
        {
            var (exitCode, output, errors) = await RunAsync(
                NpmExecutable, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], null, cancellationToken);
            if (exitCode != 0)
            {
                throw new TeamsAppPackageException($"npm ci in {Directory} failed (exit {exitCode}): {errors}{output}");
            }
        }
    }

    private async Task<FileStream> AcquireInstallLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, ".install.lock");
        while (true)
        {
            try
            {
                // The OS drops the lock when its holder exits, however it exits: no stale lock to clean up.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
            }
        }
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string program, IEnumerable<string> arguments, string? standardInput, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Directory,
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
            process = Process.Start(start) ?? throw new TeamsAppPackageException($"'{program}' could not be started.");
        }
        catch (Win32Exception ex)
        {
            throw new TeamsAppPackageException(
                $"'{program}' was not found: {Directory} needs Node.js 20+ and npm; install them or put them on PATH.", ex);
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

            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, await output, await errors);
        }
    }
}
