namespace KaizalaBot.Storage.Tests.Infrastructure;

/// <summary>
/// The Blob client's HTTP handler, with a switch that makes every request fail as a refused connection does: what the SDK
/// sees while its storage account is unreachable (or Azurite starved), through its own retry policy.
/// </summary>
internal sealed class OutageHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly SemaphoreSlim _refusals = new(0);
    private volatile bool _down;
    private int _refused;

    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    /// <summary>Requests refused while down (every SDK attempt counts).</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Completes once <paramref name="count"/> more requests have been refused (bounded in real time).</summary>
    public async Task RefusedAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!await _refusals.WaitAsync(KaizalaBot.Testing.Waits.DefaultLimit))
            {
                throw new TimeoutException($"Only {i} of {count} requests reached the storage account while it was down.");
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _refusals.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_down)
        {
            Interlocked.Increment(ref _refused);
            _refusals.Release();
            throw new HttpRequestException("Connection refused (injected outage)");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
