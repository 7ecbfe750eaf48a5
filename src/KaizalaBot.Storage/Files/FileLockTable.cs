namespace KaizalaBot.Storage.Files;

/// <summary>
/// Exclusive locks by name that hold across threads and processes: a semaphore per stripe inside this process,
/// then an OS lock on a per-stripe lock file.
/// </summary>
/// <remarks>
/// The OS lock is <see cref="FileShare.None"/>: Windows enforces it as a share mode, .NET on Unix as
/// <c>flock(LOCK_EX | LOCK_NB)</c>, which also conflicts between two descriptors of one process. The in-process
/// semaphore queues local callers so that they do not poll. Names hash onto a fixed number of stripes so that
/// the lock folder never grows with the number of keys; unrelated keys sharing a stripe only wait briefly.
/// </remarks>
internal sealed class FileLockTable
{
    private const int StripeCount = 64;
    private static readonly TimeSpan MaxPollDelay = TimeSpan.FromMilliseconds(20);

    // Every operation under these locks takes milliseconds; waiting this long means the lock file cannot be
    // opened at all (a full disk, say), which polling would otherwise hide forever.
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private readonly string _directory;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim[] _gates;

    public FileLockTable(string directory, TimeProvider timeProvider)
    {
        _directory = directory;
        _timeProvider = timeProvider;
        _gates = [.. Enumerable.Range(0, StripeCount).Select(_ => new SemaphoreSlim(1, 1))];
    }

    public async Task<FileLockHandle> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var stripe = Stripe(name);
        var gate = _gates[stripe];
        await gate.WaitAsync(cancellationToken);
        var acquired = false;
        try
        {
            var path = Path.Combine(_directory, $"{stripe:D2}.lock");
            var stream = await OpenExclusiveAsync(path, cancellationToken);
            acquired = true;
            return new FileLockHandle(gate, stream);
        }
        finally
        {
            if (!acquired)
            {
                gate.Release();
            }
        }
    }

    // FNV-1a over the UTF-16 code units: string.GetHashCode is randomised per process, and every process
    // must pick the same stripe for a name.
    private static int Stripe(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % StripeCount);
    }

    private async Task<FileStream> OpenExclusiveAsync(string path, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(1);
        var started = _timeProvider.GetTimestamp();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (DirectoryNotFoundException)
            {
                // Created on first use rather than checked at every lock (a system call each write).
                Directory.CreateDirectory(_directory);
                continue;
            }
            catch (IOException ex) when (ex is not DirectoryNotFoundException and not PathTooLongException)
            {
                if (_timeProvider.GetElapsedTime(started) > MaxWait)
                {
                    throw new TimeoutException($"Could not lock '{path}' within {MaxWait}.", ex);
                }

                // Held by another process: poll with a growing, capped delay.
                await Task.Delay(delay, _timeProvider, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPollDelay.Ticks));
            }
        }
    }
}
