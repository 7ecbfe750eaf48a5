using System.Collections.Concurrent;
using System.Net;

namespace KaizalaBot.PartnerCenter.Tests.Fakes;

// What the client actually saw on the wire, so a stress test can prove the faults really happened.
internal sealed class ResponseLog
{
    private readonly ConcurrentQueue<(HttpMethod Method, string Path, HttpStatusCode Status, string? RequestId)> _entries = new();

    public IReadOnlyList<(HttpMethod Method, string Path, HttpStatusCode Status, string? RequestId)> Entries => [.. _entries];

    public void Add(HttpMethod method, string path, HttpStatusCode status, string? requestId) =>
        _entries.Enqueue((method, path, status, requestId));

    public int Count(HttpStatusCode status) => _entries.Count(e => e.Status == status);
}
