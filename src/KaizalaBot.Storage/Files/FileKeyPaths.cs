using System.Text;

namespace KaizalaBot.Storage.Files;

/// <summary>Maps keys to relative file paths and back, safely for Linux and Windows file systems.</summary>
/// <remarks>
/// The escaped key (see <see cref="StorageKeyEscaper"/>, upper case escaped because Windows and macOS compare
/// names case-insensitively) is cut into segments of at most <see cref="SegmentLength"/> characters, each but the last
/// a folder, so a long key never exceeds the 255-byte file-name limit of NTFS and ext4. Only the file carries the
/// <c>.json</c> suffix, so a folder and a file can never share a name. A segment that would be a Windows device name
/// (CON, NUL, COM1 ... even with an extension) gets its first character escaped; decoding does not care.
/// Since the escaped key is at most <see cref="StorageKeyEscaper.MaxEscapedLength"/> characters (a longer one becomes a
/// digest name), a relative path never exceeds about 1,020 characters whatever the key, far under Linux's 4,096-byte
/// PATH_MAX; the key of a digest path is not in its name, so <see cref="FromRelativePath"/> says to read it from the file.
/// </remarks>
internal static class FileKeyPaths
{
    public const string Extension = ".json";
    private const int SegmentLength = 120;

    private static readonly HashSet<string> WindowsDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "con", "prn", "aux", "nul",
        "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    };

    public static string ToRelativePath(string key)
    {
        var escaped = StorageKeyEscaper.Escape(key, preserveUpperCase: false);
        var segments = new List<string>();
        var current = new StringBuilder(SegmentLength);
        for (var i = 0; i < escaped.Length;)
        {
            var tokenLength = escaped[i] == '_' ? 3 : 1;
            if (current.Length + tokenLength > SegmentLength)
            {
                segments.Add(current.ToString());
                current.Clear();
            }

            current.Append(escaped, i, tokenLength);
            i += tokenLength;
        }

        segments.Add(current.ToString());
        for (var i = 0; i < segments.Count; i++)
        {
            if (WindowsDeviceNames.Contains(segments[i]))
            {
                segments[i] = $"_{(int)segments[i][0]:x2}{segments[i][1..]}";
            }
        }

        return Path.Combine([.. segments]) + Extension;
    }

    /// <summary>
    /// The key a relative data path stands for; <c>null</c> for a file this store did not write, and for a digest path
    /// (<see cref="IsDigestPath"/>), whose key only the file itself holds.
    /// </summary>
    public static string? FromRelativePath(string relativePath) =>
        relativePath.EndsWith(Extension, StringComparison.Ordinal)
            ? StorageKeyEscaper.TryUnescape(EscapedName(relativePath), preserveUpperCase: false)
            : null;

    /// <summary>True for the path of a key too long to escape in full; read the key from the file's envelope.</summary>
    public static bool IsDigestPath(string relativePath) =>
        relativePath.EndsWith(Extension, StringComparison.Ordinal) && StorageKeyEscaper.IsDigestName(EscapedName(relativePath));

    private static string EscapedName(string relativePath) =>
        relativePath[..^Extension.Length]
            .Replace(Path.DirectorySeparatorChar.ToString(), string.Empty, StringComparison.Ordinal)
            .Replace(Path.AltDirectorySeparatorChar.ToString(), string.Empty, StringComparison.Ordinal);
}
