using System.ComponentModel;
using System.Diagnostics;

namespace KaizalaBot.Storage.Tests.Infrastructure;

public static class ProcessRunner
{
    /// <summary>Starts a process with redirected output; a missing executable becomes a clear failure, never a skip.</summary>
    public static Process Start(string fileName, string workingDirectory, params string[] arguments)
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

        try
        {
            return Process.Start(info) ?? throw new InvalidOperationException($"'{fileName}' did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"These tests need '{fileName}' on the PATH (Node.js 20+ with npm for Azurite, the .NET SDK for helper processes), but it could not be started: {ex.Message}",
                ex);
        }
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        using var process = Start(fileName, workingDirectory, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
