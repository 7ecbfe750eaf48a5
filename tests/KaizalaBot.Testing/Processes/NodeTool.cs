using KaizalaBot.Tooling;

namespace KaizalaBot.Testing.Processes;

/// <summary>
/// The npm tool folders under <c>tests/tools</c>: each is installed with <c>npm ci</c> from its committed lock file on
/// first use and again whenever that lock file changed (the host's rule, <see cref="NpmInstallation"/>; serialised
/// across the test processes that run in parallel), then its scripts run on Node.js. Without Node.js the calling test
/// fails with a message saying so, never a silent pass.
/// </summary>
public static class NodeTool
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs <paramref name="script"/> of tool folder <paramref name="toolFolder"/> and returns its stdout; a non-zero exit throws.</summary>
    public static async Task<string> RunAsync(
        string toolFolder, string script, string standardInput, CancellationToken cancellationToken, params string[] arguments)
    {
        var directory = await EnsureInstalledAsync(toolFolder, cancellationToken);
        var result = await ProcessRunner.RunAsync("node", directory, RunTimeout, standardInput, cancellationToken, [script, .. arguments]);
        return result.ExitCode == 0
            ? result.Output
            : throw new InvalidOperationException($"node {script} in {directory} failed (exit {result.ExitCode}): {result.Errors}");
    }

    /// <summary>Installs the tool folder's pinned packages unless those of its current lock file are there; returns the folder.</summary>
    public static async Task<string> EnsureInstalledAsync(string toolFolder, CancellationToken cancellationToken)
    {
        var directory = RepositoryPaths.ToolDirectory(toolFolder);

        // Bounded, waiting for another process's install included, so a stuck npm fails the test instead of hanging the run.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(InstallTimeout);
        try
        {
            await NpmInstallation.EnsureAsync(directory, token => NpmCiAsync(directory, token), TimeProvider.System, bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Installing {directory} took longer than {InstallTimeout}, waiting for another test process's npm ci included.");
        }

        return directory;
    }

    private static async Task NpmCiAsync(string directory, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(
            "npm", directory, InstallTimeout, standardInput: null, cancellationToken, "ci", "--no-audit", "--no-fund", "--loglevel=error");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {directory} failed (exit {result.ExitCode}): {result.Errors}{result.Output}");
        }
    }
}
