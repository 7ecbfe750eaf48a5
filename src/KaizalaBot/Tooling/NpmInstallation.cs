using System.Security.Cryptography;

namespace KaizalaBot.Tooling;

/// <summary>
/// The one rule for "is this npm tool folder installed?": its <c>node_modules</c> holds a stamp, written only after
/// <c>npm ci</c> succeeded, naming the SHA-256 of the <c>package-lock.json</c> that was installed; any other stamp, or
/// none, means install again. npm's own <c>node_modules/.package-lock.json</c> cannot serve: it exists after any
/// install, so a checkout whose committed lock file changed since (a pull that bumps Azurite) would keep running the
/// old packages. The host's <see cref="NpmToolFolder"/> and the tests' <c>NodeTool</c> both go through this file (the
/// test-support project compiles it too, since test code must not depend on the host), and <c>.ci/run</c> applies the
/// same rule in bash: keep the three in step.
/// </summary>
internal static class NpmInstallation
{
    public const string LockFileName = "package-lock.json";

    /// <summary>The stamp, inside <c>node_modules</c> so that deleting that folder also forgets the install.</summary>
    public static readonly string StampRelativePath = Path.Combine("node_modules", ".package-lock.sha256");

    // Kept (not deleted on close) and ignored by git: deleting it would let a caller that opened the old file
    // and one that created a new file hold "the" lock at the same time.
    private const string InstallLockFileName = ".install.lock";

    private static readonly TimeSpan LockPollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Runs <paramref name="npmCi"/> in <paramref name="directory"/> unless its stamp names its current lock file, one
    /// caller at a time across processes, and stamps the folder once it succeeded. Returns whether it installed.
    /// </summary>
    /// <exception cref="FileNotFoundException">The folder has no <c>package-lock.json</c>.</exception>
    public static async Task<bool> EnsureAsync(
        string directory, Func<CancellationToken, Task> npmCi, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(npmCi);
        ArgumentNullException.ThrowIfNull(time);
        if (await IsStampedAsync(directory, await LockHashAsync(directory, cancellationToken), cancellationToken))
        {
            return false;
        }

        await using var gate = await AcquireInstallLockAsync(directory, time, cancellationToken);

        // Hashed again under the lock: the stamp names the lock file npm ci is about to install.
        var lockHash = await LockHashAsync(directory, cancellationToken);
        if (await IsStampedAsync(directory, lockHash, cancellationToken))
        {
            return false;
        }

        await npmCi(cancellationToken);

        // npm ci creates no node_modules for a lock without packages.
        var stamp = Path.Combine(directory, StampRelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(stamp)!);
        await File.WriteAllTextAsync(stamp, lockHash + "\n", cancellationToken);
        return true;
    }

    /// <summary>Lower-case hex SHA-256 of the folder's lock file, as <c>sha256sum</c> prints it.</summary>
    public static async Task<string> LockHashAsync(string directory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, LockFileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{directory} has no {LockFileName}: its npm packages are pinned by that committed file; restore it from git.", path);
        }

        return Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, cancellationToken)));
    }

    private static async Task<bool> IsStampedAsync(string directory, string lockHash, CancellationToken cancellationToken)
    {
        var stamp = Path.Combine(directory, StampRelativePath);
        return File.Exists(stamp) && (await File.ReadAllTextAsync(stamp, cancellationToken)).Trim() == lockHash;
    }

    // Another process holds the lock only while it runs npm ci; polling its release is the only signal a file lock gives.
    private static async Task<FileStream> AcquireInstallLockAsync(string directory, TimeProvider time, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, InstallLockFileName);
        while (true)
        {
            try
            {
                // The OS drops the lock when its holder exits, however it exits: no stale lock to clean up.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException)
            {
                await Task.Delay(LockPollInterval, time, cancellationToken);
            }
        }
    }
}
