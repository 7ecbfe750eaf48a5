using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using KaizalaBot.BotFramework.Connector;

namespace KaizalaBot.HostileInput;

/// <summary>
/// Sees every connection the bot's connector opens (its <see cref="SocketsHttpHandler.ConnectCallback"/>) before any
/// DNS lookup: only the sink is really connected; any other target is refused here, so a run never touches the
/// network, and is classed by the harness's own reading of the rules (not the bot's code): loopback (Development) or
/// HTTPS to a default Microsoft connector host is <em>allowed</em>; anything else is <em>disallowed</em> and fails the run.
/// </summary>
internal sealed class OutboundMonitor(IPEndPoint sink)
{
    private readonly ConcurrentQueue<string> _disallowed = new();
    private int _sinkConnections;
    private int _allowedElsewhere;

    public int SinkConnections => Volatile.Read(ref _sinkConnections);

    /// <summary>Allowed by the rules but not the sink: refused by the harness, never sent to the network.</summary>
    public int AllowedElsewhere => Volatile.Read(ref _allowedElsewhere);

    public IReadOnlyCollection<string> Disallowed => [.. _disallowed];

    public void Attach(SocketsHttpHandler handler) => handler.ConnectCallback = ConnectAsync;

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var target = context.DnsEndPoint;
        var uri = context.InitialRequestMessage.RequestUri!;
        if (IPAddress.TryParse(target.Host, out var address) && address.Equals(sink.Address) && target.Port == sink.Port)
        {
            Interlocked.Increment(ref _sinkConnections);
            var socket = new Socket(sink.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(sink, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException)
            {
                socket.Dispose();
                throw;
            }
        }

        if (IsAllowed(uri))
        {
            Interlocked.Increment(ref _allowedElsewhere);
        }
        else
        {
            _disallowed.Enqueue($"{uri.Scheme}://{target.Host}:{target.Port}");
        }

        throw new HttpRequestException("The hostile-input harness allows no connection outside its connector sink.");
    }

    private static bool IsAllowed(Uri uri)
    {
        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return false;
        }

        if (uri.IsLoopback)
        {
            return true;
        }

        var host = uri.IdnHost.TrimEnd('.');
        return uri.Scheme == Uri.UriSchemeHttps && BotConnectorOptions.DefaultAllowedServiceHosts.Any(pattern =>
            pattern.StartsWith("*.", StringComparison.Ordinal)
                ? host.Length > pattern.Length - 1 && host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
                : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase));
    }
}
