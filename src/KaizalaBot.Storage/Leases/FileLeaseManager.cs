using System.Text.Json;
using KaizalaBot.Storage.Files;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.Storage.Leases;

/// <summary>
/// Leases shared by the processes of one machine (the embedded default): a file per lease under
/// <c>{root}/leases</c> holding the holder id and expiry, changed only under the cross-process lock of
/// <see cref="FileLockTable"/>.
/// </summary>
/// <remarks>Expiry is compared with the local clock, so all holders must run on the same machine (or share a clock).</remarks>
public sealed class FileLeaseManager : ILeaseManager, ILeaseStore
{
    private readonly string _leaseDirectory;
    private readonly string _tempDirectory;
    private readonly FileLockTable _locks;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<FileLeaseManager> _logger;

    public FileLeaseManager(string rootPath, TimeProvider timeProvider, ILogger<FileLeaseManager> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootPath);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var root = Path.GetFullPath(rootPath);
        _leaseDirectory = Path.Combine(root, "leases");
        _tempDirectory = Path.Combine(root, "tmp");
        _locks = new FileLockTable(Path.Combine(root, "locks"), timeProvider);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public Task<ILease?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken) =>
        RenewingLease.TryAcquireAsync(this, name, duration, _timeProvider, _logger, cancellationToken);

    async Task<bool> ILeaseStore.TryAcquireAsync(string name, string holderId, TimeSpan duration, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        using var held = await _locks.AcquireAsync(LockName(name), cancellationToken);
        var current = await ReadAsync(path, cancellationToken);
        var now = _timeProvider.GetUtcNow();
        if (current is not null && current.HolderId != holderId && current.ExpiresAt > now)
        {
            return false;
        }

        await WriteAsync(path, new FileLeaseRecord { Name = name, HolderId = holderId, ExpiresAt = LeaseDurations.ExpiryFrom(now, duration) }, cancellationToken);
        return true;
    }

    async Task<bool> ILeaseStore.RenewAsync(string name, string holderId, TimeSpan duration, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        using var held = await _locks.AcquireAsync(LockName(name), cancellationToken);
        var current = await ReadAsync(path, cancellationToken);
        if (current is null || current.HolderId != holderId)
        {
            return false;
        }

        await WriteAsync(path, current with { ExpiresAt = LeaseDurations.ExpiryFrom(_timeProvider.GetUtcNow(), duration) }, cancellationToken);
        return true;
    }

    async Task ILeaseStore.ReleaseAsync(string name, string holderId, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        using var held = await _locks.AcquireAsync(LockName(name), cancellationToken);
        var current = await ReadAsync(path, cancellationToken);
        if (current is not null && current.HolderId == holderId)
        {
            File.Delete(path);
        }
    }

    // Lease names and storage keys share the lock stripes of the root; the prefix keeps them apart.
    private static string LockName(string name) => "lease:" + name;

    private static async Task<FileLeaseRecord?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous);
            return await JsonSerializer.DeserializeAsync<FileLeaseRecord>(stream, cancellationToken: cancellationToken);
        }
        catch (IOException ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private async Task WriteAsync(string path, FileLeaseRecord record, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_tempDirectory);
        var temp = Path.Combine(_tempDirectory, $"{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await JsonSerializer.SerializeAsync(stream, record, cancellationToken: cancellationToken);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private string PathOf(string name) => Path.Combine(_leaseDirectory, FileKeyPaths.ToRelativePath(name));
}
