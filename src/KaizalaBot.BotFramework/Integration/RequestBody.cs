using System.Buffers;

namespace KaizalaBot.BotFramework.Integration;

/// <summary>
/// A request body read whole into a buffer rented from <see cref="ArrayPool{T}.Shared"/>, given back on dispose. A body
/// that announces its length (Teams' always do) is read into a buffer of that size, a chunked one into one that doubles
/// from 4 KB; nothing past the limit is kept.
/// </summary>
/// <remarks>
/// The former read copied every body through a fresh 16 KB array and a MemoryStream into a third array: a third of all
/// the bytes a help turn allocated (docs/performance.md). The activity parsed from the buffer keeps no reference to it:
/// System.Text.Json copies strings and gives each <c>JsonElement</c> a document of its own.
/// </remarks>
internal sealed class RequestBody : IDisposable
{
    private const int ChunkedInitialSize = 4 * 1024;

    private byte[]? _buffer;

    private RequestBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    /// <summary>The body, or <c>null</c> when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<RequestBody?> ReadAsync(Stream body, long? contentLength, int limit, CancellationToken cancellationToken)
    {
        // One byte over the limit is room enough to learn that a body is too long.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(contentLength ?? ChunkedInitialSize, limit) + 1);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, limit + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    var whole = new RequestBody(buffer, length);
                    buffer = null;
                    return whole;
                }

                length += read;
                if (length > limit)
                {
                    return null;
                }
            }
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
