using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KaizalaBot.Storage;

/// <summary>
/// Escapes storage keys into names made of <c>[a-z0-9-]</c> (plus <c>[A-Z]</c> when the target is case-sensitive) and
/// <c>_xx</c> escapes of UTF-8 bytes; reversible, except that a name longer than <see cref="MaxEscapedLength"/> becomes
/// a digest name: its first characters, <c>~</c>, and the SHA-256 of the whole key in hex.
/// </summary>
/// <remarks>
/// <para>Per-character escaping keeps the prefix property backends rely on for listing: <c>Escape(key)</c> starts with
/// <c>Escape(prefix)</c> exactly when <c>key</c> starts with <c>prefix</c>, because every escape is a fixed code word and
/// <c>_</c> never appears unescaped. Upper-case letters are escaped for file names since Windows and macOS file systems
/// are case-insensitive (<c>A</c> and <c>a</c> would collide there).</para>
/// <para>Keys hold ids from requests, and an id's characters can escape to three (or twelve) times their length, so
/// without a bound a long id would push a name past Blob storage's 1,024 characters or a file path past the file
/// system's limit. A digest name keeps the prefix property for prefixes up to <see cref="DigestPrefixLength"/> escaped
/// characters (use <see cref="EscapePrefix"/> to list) and never collides with an escaped name (<c>~</c> is not in
/// their alphabet) nor, short of a SHA-256 collision, with another digest name. It cannot be unescaped
/// (<see cref="TryUnescape"/> returns null; <see cref="IsDigestName"/> says why): a backend that lists must keep the
/// key in what it stores and read it back for those names.</para>
/// </remarks>
internal static class StorageKeyEscaper
{
    /// <summary>Leaves room under Blob storage's 1,024-character names for a backend prefix such as <c>leases/</c>.</summary>
    public const int MaxEscapedLength = 1000;

    /// <summary>How much of the escaped key a digest name keeps: the rest of <see cref="MaxEscapedLength"/> after <c>~</c> and 64 hex digits.</summary>
    public const int DigestPrefixLength = MaxEscapedLength - 1 - (2 * SHA256.HashSizeInBytes);

    private const char EscapeChar = '_';
    private const char DigestMarker = '~';

    public static string Escape(string key, bool preserveUpperCase)
    {
        var escaped = EscapeEveryCharacter(key, preserveUpperCase);
        if (escaped.Length <= MaxEscapedLength)
        {
            return escaped;
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return string.Concat(escaped.AsSpan(0, TokenBoundaryAtOrBefore(escaped, DigestPrefixLength)), DigestMarker.ToString(), digest);
    }

    /// <summary>
    /// The name prefix to list <paramref name="prefix"/> by: the escaped prefix, cut to what a digest name keeps, so
    /// that long keys under the prefix are found too. Names it finds may lie outside the prefix; filter by key.
    /// </summary>
    public static string EscapePrefix(string prefix, bool preserveUpperCase)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
        {
            return string.Empty;
        }

        var escaped = EscapeEveryCharacter(prefix, preserveUpperCase);
        return escaped.Length <= DigestPrefixLength ? escaped : escaped[..TokenBoundaryAtOrBefore(escaped, DigestPrefixLength)];
    }

    /// <summary>True for a name <see cref="Escape"/> made from a key too long to escape in full.</summary>
    public static bool IsDigestName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Contains(DigestMarker, StringComparison.Ordinal);
    }

    private static string EscapeEveryCharacter(string key, bool preserveUpperCase)
    {
        Validate(key);
        var builder = new StringBuilder(key.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in key.EnumerateRunes())
        {
            if (rune.IsAscii && IsSafe((char)rune.Value, preserveUpperCase))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < length; i++)
            {
                builder.Append(EscapeChar).Append(utf8[i].ToString("x2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    // The largest length <= limit that does not cut a three-character escape in two.
    private static int TokenBoundaryAtOrBefore(string escaped, int limit)
    {
        if (escaped[limit - 1] == EscapeChar)
        {
            return limit - 1;
        }

        return escaped[limit - 2] == EscapeChar ? limit - 2 : limit;
    }

    /// <summary>Returns the original key, or <c>null</c> when <paramref name="escaped"/> is not an escaped key.</summary>
    public static string? TryUnescape(string escaped, bool preserveUpperCase)
    {
        var bytes = new List<byte>(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c == EscapeChar)
            {
                if (i + 2 >= escaped.Length || !IsLowerHex(escaped[i + 1]) || !IsLowerHex(escaped[i + 2]))
                {
                    return null;
                }

                bytes.Add(byte.Parse(escaped.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 2;
            }
            else if (IsSafe(c, preserveUpperCase))
            {
                bytes.Add((byte)c);
            }
            else
            {
                return null;
            }
        }

        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            return bytes.Count == 0 ? null : decoder.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    public static void Validate(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        for (var i = 0; i < key.Length; i++)
        {
            if (char.IsHighSurrogate(key[i]) && i + 1 < key.Length && char.IsLowSurrogate(key[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(key[i]))
            {
                // A lone surrogate has no UTF-8 form, so it could not be stored and read back unchanged.
                throw new ArgumentException($"Storage key contains an unpaired UTF-16 surrogate at index {i}.", nameof(key));
            }
        }
    }

    private static bool IsLowerHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f');

    private static bool IsSafe(char c, bool preserveUpperCase) =>
        c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' || (preserveUpperCase && c is >= 'A' and <= 'Z');
}
