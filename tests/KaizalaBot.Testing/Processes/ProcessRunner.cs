using System.ComponentModel;
using System.Diagnostics;

namespace KaizalaBot.Testing.Processes;

/// <summary>Starts and runs child processes for tests; a missing executable is a clear failure, never a skip.</summary>
public static class ProcessRunner
{
    /// <summary>Starts <paramref name="fileName"/> with standard input, output and error redirected.</summary>
    public static Process Start(string fileName, string workingDirectory, params string[] arguments) =>
        Start(fileName, workingDirectory, environment: null, arguments);

    public static Process Start(
        string fileName, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        try
        {
            return Process.Start(info) ?? throw new InvalidOperationException($"'{fileName}' did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"'{fileName}' was not found: these tests need it on PATH (Node.js 20+ with npm for the npm tools, the .NET SDK "
                + $"for helper processes; see README, Troubleshooting). {ex.Message}",
                ex);
        }
    }

    /// <summary>
    /// Runs to completion, feeding <paramref name="standardInput"/> when given; returns the exit code, stdout and stderr.
    /// Past <paramref name="timeout"/> the process tree is killed and a <see cref="TimeoutException"/> names the command.
    /// </summary>
    public static Task<ProcessResult> RunAsync(
        string fileName,
        string workingDirectory,
        TimeSpan timeout,
        string? standardInput,
        CancellationToken cancellationToken,
        params string[] arguments) =>
        RunAsync(fileName, workingDirectory, environment: null, timeout, standardInput, cancellationToken, arguments);

    /// <summary>The same, with <paramref name="environment"/> added to the child's environment.</summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout,
        string? standardInput,
        CancellationToken cancellationToken,
        params string[] arguments)
    {
        using var process = Start(fileName, workingDirectory, environment, arguments);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
        }

        process.StandardInput.Close();
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(bounded.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' did not finish within {timeout}.");
        }

        return new ProcessResult(process.ExitCode, await output, await errors);
    }
}
