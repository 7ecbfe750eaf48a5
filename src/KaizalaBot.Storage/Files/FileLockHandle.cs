namespace KaizalaBot.Storage.Files;

/// <summary>A held <see cref="FileLockTable"/> lock; disposing releases the OS lock, then the in-process gate.</summary>
internal sealed class FileLockHandle : IDisposable
{
    private readonly SemaphoreSlim _gate;
    private FileStream? _stream;

    public FileLockHandle(SemaphoreSlim gate, FileStream stream)
    {
        _gate = gate;
        _stream = stream;
    }

    public void Dispose()
    {
        var stream = Interlocked.Exchange(ref _stream, null);
        if (stream is null)
        {
            return;
        }

        stream.Dispose();
        _gate.Release();
    }
}
