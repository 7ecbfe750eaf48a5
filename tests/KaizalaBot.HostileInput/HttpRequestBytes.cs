using System.Globalization;
using System.Text;

namespace KaizalaBot.HostileInput;

/// <summary>Request bytes for <c>POST /api/messages</c>, well framed or deliberately not.</summary>
public static class HttpRequestBytes
{
    public const string Path = "/api/messages";

    /// <summary>A request with a correct Content-Length; <paramref name="extraHeaders"/> are lines without CRLF.</summary>
    public static byte[] Post(byte[] body, params string[] extraHeaders) =>
        Concat(Head("POST", [$"Content-Type: application/json", $"Content-Length: {body.Length}", .. extraHeaders]), body);

    /// <summary>A chunked request whose chunks are written exactly as given (sizes, data, terminators are the caller's).</summary>
    public static byte[] PostChunked(string chunkedBody, params string[] extraHeaders) =>
        Concat(Head("POST", ["Content-Type: application/json", "Transfer-Encoding: chunked", .. extraHeaders]), Encoding.ASCII.GetBytes(chunkedBody));

    /// <summary>A well-formed chunked encoding of <paramref name="body"/> in chunks of <paramref name="chunkSize"/>.</summary>
    public static byte[] PostChunked(byte[] body, int chunkSize)
    {
        var output = new MemoryStream();
        for (var offset = 0; offset < body.Length; offset += chunkSize)
        {
            var size = Math.Min(chunkSize, body.Length - offset);
            output.Write(Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
            output.Write(body, offset, size);
            output.Write("\r\n"u8);
        }

        output.Write("0\r\n\r\n"u8);
        return Concat(Head("POST", ["Content-Type: application/json", "Transfer-Encoding: chunked"]), output.ToArray());
    }

    /// <summary>Only the head, with whatever headers the caller wants (for framing the body does not honour).</summary>
    public static byte[] Head(string method, IEnumerable<string> headers)
    {
        var text = new StringBuilder();
        text.Append(method).Append(' ').Append(Path).Append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            text.Append(header).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(text.Append("\r\n").ToString());
    }

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
