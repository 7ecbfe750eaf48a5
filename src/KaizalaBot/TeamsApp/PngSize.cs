using System.Buffers.Binary;

namespace KaizalaBot.TeamsApp;

/// <summary>The pixel size a PNG declares in its IHDR chunk, enough to refuse an icon Teams would reject.</summary>
public readonly record struct PngSize(int Width, int Height)
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static PngSize? Read(ReadOnlySpan<byte> file) =>
        file.Length >= 24 && file[..8].SequenceEqual(Signature) && file[12..16].SequenceEqual("IHDR"u8)
            ? new PngSize(BinaryPrimitives.ReadInt32BigEndian(file[16..20]), BinaryPrimitives.ReadInt32BigEndian(file[20..24]))
            : null;

    public override string ToString() => $"{Width}x{Height}";
}
