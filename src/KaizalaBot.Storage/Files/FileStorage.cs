using System.Runtime.CompilerServices;
using System.Text.Json;

namespace KaizalaBot.Storage.Files;

/// <summary>
/// <see cref="IStorage"/> on the local file system, the embedded default: one JSON file per key under
/// <c>{root}/data</c>, replaced atomically, with compare-and-swap under a lock that also holds across processes.
/// </summary>
/// <remarks>
/// Readers take no lock: a write goes to a temporary file in <c>{root}/tmp</c> (same volume) and is moved over the
/// old file, which is an atomic rename, so a reader sees the old or the new document, never half of one.
/// </remarks>
public sealed class FileStorage : IStorage
{
    private const int MaxPathLength = 4000;

    private readonly string _dataDirectory;
    private readonly string _tempDirectory;
    private readonly FileLockTable _locks;

    public FileStorage(string rootPath, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootPath);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var root = Path.GetFullPath(rootPath);
        RootPath = root;
        _dataDirectory = Path.Combine(root, "data");
        _tempDirectory = Path.Combine(root, "tmp");
        _locks = new FileLockTable(Path.Combine(root, "locks"), timeProvider);
    }

    public string RootPath { get; }

    public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        cancellationToken.ThrowIfCancellationRequested();
        var envelope = ReadEnvelope(path);
        return Task.FromResult(envelope is null ? null : new StoredDocument(key, envelope.Content, envelope.ETag));
    }

    /// <remarks>
    /// The document is serialised first, then written with one synchronous create, write, fsync and close, as
    /// <see cref="ReadEnvelope"/> reads: an asynchronous FileStream hops to the thread pool for its flush and buffers on
    /// its own, which was a good part of a welcome turn's CPU with file state (docs/performance.md).
    /// </remarks>
    public async Task<string> WriteAsync(string key, JsonElement content, WriteCondition condition, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        StorageConditions.ValidateContent(content);
        using var held = await _locks.AcquireAsync(key, cancellationToken);
        var current = ReadEnvelope(path);
        StorageConditions.ThrowIfWriteFails(key, condition, current?.ETag);

        var envelope = new FileEnvelope { Key = key, ETag = Guid.NewGuid().ToString("N"), Content = content };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(envelope);
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(_tempDirectory);
        var temp = Path.Combine(_tempDirectory, $"{Guid.NewGuid():N}.tmp");
        try
        {
            using (var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                RandomAccess.Write(handle, bytes, fileOffset: 0);

                // Flush to disk before the rename, so that a crash cannot leave the new name on empty content.
                RandomAccess.FlushToDisk(handle);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        return envelope.ETag;
    }

    public async Task DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken)
    {
        StorageConditions.ValidateDeleteCondition(condition);
        var path = PathOf(key);
        using var held = await _locks.AcquireAsync(key, cancellationToken);
        var current = ReadEnvelope(path);
        StorageConditions.ThrowIfDeleteFails(key, condition, current?.ETag);
        if (current is not null)
        {
            File.Delete(path);
        }
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!Directory.Exists(_dataDirectory))
        {
            yield break;
        }

        var keys = new List<string>();
        foreach (var file in Directory.EnumerateFiles(_dataDirectory, "*" + FileKeyPaths.Extension, SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relativePath = Path.GetRelativePath(_dataDirectory, file);
            var key = FileKeyPaths.IsDigestPath(relativePath)
                ? ReadEnvelope(file)?.Key
                : FileKeyPaths.FromRelativePath(relativePath);
            if (key is not null && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                keys.Add(key);
            }
        }

        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            yield return key;
        }
    }

    /// <remarks>
    /// One synchronous open, read and close: a state file is a few kilobytes, usually in the page cache. An asynchronous
    /// FileStream is no faster on Linux (each read is a synchronous read on a thread-pool thread, plus the hop there and
    /// back) and <c>DeserializeAsync</c> adds its own buffering: together they were a third of a help turn's CPU with file
    /// state (docs/performance.md). No lock is taken, as before: writers replace the file by rename, so the open handle
    /// reads one whole version.
    /// </remarks>
    private static FileEnvelope? ReadEnvelope(string path)
    {
        byte[] content;
        var read = 0;
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            content = new byte[RandomAccess.GetLength(handle)];
            while (read < content.Length && RandomAccess.Read(handle, content.AsSpan(read), read) is var count and > 0)
            {
                read += count;
            }
        }
        catch (IOException ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return JsonSerializer.Deserialize<FileEnvelope>(content.AsSpan(0, read))
            ?? throw new InvalidDataException($"Storage file '{path}' holds JSON null.");
    }

    private string PathOf(string key)
    {
        var path = Path.Combine(_dataDirectory, FileKeyPaths.ToRelativePath(key));

        // Linux limits a path to 4096 bytes (PATH_MAX); failing here gives a clear answer instead of an IOException.
        return path.Length <= MaxPathLength
            ? path
            : throw new ArgumentException(
                $"Storage key is too long for file storage: its path would be {path.Length} characters, the limit is {MaxPathLength}.", nameof(key));
    }
}
