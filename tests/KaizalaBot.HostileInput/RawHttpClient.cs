using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KaizalaBot.HostileInput;

/// <summary>
/// HTTP/1.1 over a bare socket: writes exactly the bytes it is given (HttpClient would refuse to send broken framing),
/// then reads one response. A response is complete at its Content-Length, at the last chunk, or when the server closes.
/// </summary>
public static class RawHttpClient
{
    private const int MaxResponseBytes = 4 * 1024 * 1024;

    public static async Task<RawResponse> SendAsync(
        IPEndPoint server, byte[] request, RequestEnding ending, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(server, deadline.Token);
            await WriteAsync(socket, request, deadline.Token);
            if (ending == RequestEnding.HalfClose)
            {
                socket.Shutdown(SocketShutdown.Send);
            }

            return await ReadResponseAsync(socket, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return RawResponse.Timeout;
        }
        catch (SocketException)
        {
            // The server may reset a connection whose request it already refused while the client was still writing.
            return RawResponse.ClosedWithoutAnswer;
        }
    }

    private static async Task WriteAsync(Socket socket, byte[] request, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendAsync(request, SocketFlags.None, cancellationToken);
        }
        catch (SocketException)
        {
            // The server answered early (413 on a declared length) and closed; the answer may still be readable.
        }
    }

    private static async Task<RawResponse> ReadResponseAsync(Socket socket, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            int read;
            try
            {
                read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            }
            catch (SocketException)
            {
                read = 0;
            }

            if (read > 0)
            {
                received.Write(buffer, 0, read);
            }

            var parsed = TryParse(received.GetBuffer().AsSpan(0, (int)received.Length), closed: read == 0);
            if (parsed is not null)
            {
                return parsed;
            }

            if (read == 0 || received.Length > MaxResponseBytes)
            {
                return RawResponse.ClosedWithoutAnswer;
            }
        }
    }

    /// <summary>The response once complete; null while more bytes are needed.</summary>
    private static RawResponse? TryParse(ReadOnlySpan<byte> data, bool closed)
    {
        var headEnd = data.IndexOf("\r\n\r\n"u8);
        if (headEnd < 0)
        {
            return null;
        }

        var head = Encoding.ASCII.GetString(data[..headEnd]).Split("\r\n");
        var statusParts = head[0].Split(' ', 3);
        if (statusParts.Length < 2 || !int.TryParse(statusParts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return new RawResponse(0, Encoding.UTF8.GetString(data), false);
        }

        var headers = head.Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToLookup(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = data[(headEnd + 4)..];

        if (headers["Transfer-Encoding"].Any(v => v.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
        {
            return TryDecodeChunked(body, out var decoded) || closed
                ? new RawResponse(status, decoded, false)
                : null;
        }

        if (headers["Content-Length"].FirstOrDefault() is { } lengthText
            && int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return body.Length >= length || closed
                ? new RawResponse(status, Encoding.UTF8.GetString(body[..Math.Min(length, body.Length)]), false)
                : null;
        }

        return closed ? new RawResponse(status, Encoding.UTF8.GetString(body), false) : null;
    }

    private static bool TryDecodeChunked(ReadOnlySpan<byte> body, out string decoded)
    {
        var output = new MemoryStream();
        while (true)
        {
            var lineEnd = body.IndexOf("\r\n"u8);
            if (lineEnd < 0
                || !int.TryParse(Encoding.ASCII.GetString(body[..lineEnd]).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size))
            {
                break;
            }

            if (size == 0)
            {
                decoded = Encoding.UTF8.GetString(output.ToArray());
                return true;
            }

            var start = lineEnd + 2;
            if (body.Length < start + size + 2)
            {
                break;
            }

            output.Write(body.Slice(start, size));
            body = body[(start + size + 2)..];
        }

        decoded = Encoding.UTF8.GetString(output.ToArray());
        return false;
    }
}
