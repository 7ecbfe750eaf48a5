namespace KaizalaBot.Tests.Support;

/// <summary>
/// Holds the outgoing requests that fit a test's predicate (a host's HttpClients, through
/// <c>ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(gate.CreateHandler))</c>) until the test opens the gate,
/// so a background read is still running at the moment the test needs it to be.
/// </summary>
internal sealed class RequestGate(Func<HttpRequestMessage, bool> holds)
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private bool Holds(HttpRequestMessage request) => holds(request);

    public DelegatingHandler CreateHandler() => new GateHandler(this);

    public void Open() => _open.TrySetResult();

    private sealed class GateHandler(RequestGate gate) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (gate.Holds(request))
            {
                await gate._open.Task.WaitAsync(cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
