namespace KaizalaBot.Testing.Processes;

/// <summary>
/// The npm tool folders under <c>tests/tools</c>: each is installed with <c>npm ci</c> from its committed lock file on
/// first use (serialised across the test processes that run in parallel), then its scripts run on Node.js. Without
/// Node.js the calling test fails with a message saying so, never a silent pass.
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

    /// <summary>Installs the tool folder's pinned packages unless they are there and as new as the lock file; returns the folder.</summary>
    public static async Task<string> EnsureInstalledAsync(string toolFolder, CancellationToken cancellationToken)
    {
        var directory = RepositoryPaths.ToolDirectory(toolFolder);
        var marker = Path.Combine(directory, "node_modules", ".package-lock.json");
        if (IsCurrent(directory, marker))
        {
            return directory;
        }

        // Test assemblies run in parallel processes; an exclusive lock file keeps two npm installs apart.
        await using var gate = await AcquireLockAsync(Path.Combine(directory, ".install.lock"), cancellationToken);
        if (!IsCurrent(directory, marker))
        {
            var result = await ProcessRunner.RunAsync(
                "npm", directory, InstallTimeout, standardInput: null, cancellationToken, "ci", "--no-audit", "--no-fund", "--loglevel=error");
            if (result.ExitCode != 0 || !File.Exists(marker))
            {
                throw new InvalidOperationException($"npm ci in {directory} failed (exit {result.ExitCode}): {result.Errors}{result.Output}");
            }
        }

        return directory;
    }

    // npm ci writes the marker after the lock file it installed from; a lock file changed since (a pull that raised a
    // pinned version) is newer than the marker, and the install is redone rather than the old version kept.
    private static bool IsCurrent(string directory, string marker) =>
        File.Exists(marker) && File.GetLastWriteTimeUtc(marker) >= File.GetLastWriteTimeUtc(Path.Combine(directory, "package-lock.json"));

    // Another process holds the lock only while it runs npm ci; polling its release is the only signal a file lock gives.
    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(InstallTimeout);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), bounded.Token);
            }
        }
    }
}
