using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace KaizalaBot.Tooling;

/// <summary>
/// A folder of Node.js tools whose npm packages are pinned by a committed <c>package-lock.json</c> (the Teams manifest
/// validator, the Agents Playground): installed with <c>npm ci</c> into its ignored <c>node_modules</c> on first use and
/// again whenever the lock file changed (<see cref="NpmInstallation"/>), then its scripts run with <c>node</c>, fed on
/// standard input. Node.js missing is reported as such, never as a stack trace.
/// </summary>
public sealed partial class NpmToolFolder(string directory, TimeProvider time, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public string Directory { get; } = directory;

    public string NodeExecutable { get; init; } = "node";

    public string NpmExecutable { get; init; } = "npm";

    /// <summary>Installs the pinned packages unless the installed ones are those of the current lock file.</summary>
    /// <exception cref="NpmToolException">npm failed or is not installed, or the lock file is missing.</exception>
    public async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        try
        {
            await NpmInstallation.EnsureAsync(Directory, InstallAsync, time, cancellationToken);
        }
        catch (FileNotFoundException ex)
        {
            throw new NpmToolException(ex.Message, ex);
        }
    }

    /// <returns>The script's standard output.</returns>
    /// <exception cref="NpmToolException">npm or the script failed, or Node.js is not installed.</exception>
    public async Task<string> RunScriptAsync(string script, string standardInput, CancellationToken cancellationToken)
    {
        await EnsureInstalledAsync(cancellationToken);
        var (exitCode, output, errors) = await RunAsync(NodeExecutable, [script], standardInput, cancellationToken);
        return exitCode == 0
            ? output
            : throw new NpmToolException($"node {script} in {Directory} failed (exit {exitCode}): {errors}");
    }

    private async Task InstallAsync(CancellationToken cancellationToken)
    {
        LogInstalling(Directory);
        var (exitCode, output, errors) = await RunAsync(
            NpmExecutable, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], null, cancellationToken);
        if (exitCode != 0)
        {
            throw new NpmToolException($"npm ci in {Directory} failed (exit {exitCode}): {errors}{output}");
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
            process = Process.Start(start) ?? throw new NpmToolException($"'{program}' could not be started.");
        }
        catch (Win32Exception ex)
        {
            throw new NpmToolException(
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Installing the npm packages of {Directory} with npm ci (first use, or its package-lock.json changed)")]
    private partial void LogInstalling(string directory);
}
