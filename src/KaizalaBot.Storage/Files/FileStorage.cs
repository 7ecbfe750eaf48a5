using System.Buffers;
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
    /// The envelope is serialised before the lock is taken (the lock is held only to check the ETag and replace the
    /// file), then written with one synchronous create, write, fsync and close, as <see cref="ReadFile"/> reads: an
    /// asynchronous FileStream hops to the thread pool for its flush and buffers on its own, which was a good part of a
    /// welcome turn's CPU with file state (docs/performance.md).
    /// </remarks>
    public async Task<string> WriteAsync(string key, JsonElement content, WriteCondition condition, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        StorageConditions.ValidateContent(content);
        var eTag = Guid.NewGuid().ToString("N");
        var bytes = FileEnvelopeJson.Write(key, eTag, content);
        using var held = await _locks.AcquireAsync(key, cancellationToken);
        StorageConditions.ThrowIfWriteFails(key, condition, ReadETag(path));
        cancellationToken.ThrowIfCancellationRequested();
        var temp = Path.Combine(_tempDirectory, $"{Guid.NewGuid():N}.tmp");
        try
        {
            using (var handle = InDirectory(_tempDirectory, () => File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None)))
            {
                RandomAccess.Write(handle, bytes.Span, fileOffset: 0);

                // Flush to disk before the rename, so that a crash cannot leave the new name on empty content.
                RandomAccess.FlushToDisk(handle);
            }

            InDirectory(Path.GetDirectoryName(path)!, () =>
            {
                File.Move(temp, path, overwrite: true);
                return true;
            });
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        return eTag;
    }

    public async Task DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken)
    {
        StorageConditions.ValidateDeleteCondition(condition);
        var path = PathOf(key);
        using var held = await _locks.AcquireAsync(key, cancellationToken);
        var currentETag = ReadETag(path);
        StorageConditions.ThrowIfDeleteFails(key, condition, currentETag);
        if (currentETag is not null)
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

    private static FileEnvelope? ReadEnvelope(string path) => ReadFile(path, FileEnvelopeJson.Read);

    private static string? ReadETag(string path) => ReadFile(path, FileEnvelopeJson.ReadETag);

    /// <remarks>
    /// One synchronous open, read and close into a pooled buffer: a state file is a few kilobytes, usually in the page
    /// cache, and <paramref name="parse"/> keeps nothing of the buffer (the envelope's content is copied into its own
    /// document). An asynchronous FileStream is no faster on Linux (each read is a synchronous read on a thread-pool
    /// thread, plus the hop there and back) and <c>DeserializeAsync</c> adds its own buffering: together they were a
    /// third of a help turn's CPU with file state (docs/performance.md). No lock is taken, as before: writers replace
    /// the file by rename, so the open handle reads one whole version.
    /// </remarks>
    private static T? ReadFile<T>(string path, SpanParser<T> parse)
        where T : class
    {
        // A missing file is an ordinary answer (a conversation's first turn, a key never written), and the exception
        // the open throws for it cost several times this stat in the File profile; a file deleted after the check is
        // still caught below.
        if (!File.Exists(path))
        {
            return null;
        }

        byte[]? content = null;
        try
        {
            var read = 0;
            using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                var length = checked((int)RandomAccess.GetLength(handle));
                content = ArrayPool<byte>.Shared.Rent(length);
                while (read < length && RandomAccess.Read(handle, content.AsSpan(read, length - read), read) is var count and > 0)
                {
                    read += count;
                }
            }

            return parse(content.AsSpan(0, read), path);
        }
        catch (IOException ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        finally
        {
            if (content is not null)
            {
                ArrayPool<byte>.Shared.Return(content);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/>, creating <paramref name="directory"/> first only if it turns out to be missing:
    /// making sure of both folders before every write was two more system calls a turn for folders that almost always
    /// exist.
    /// </summary>
    private static T InDirectory<T>(string directory, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(directory);
            return action();
        }
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
