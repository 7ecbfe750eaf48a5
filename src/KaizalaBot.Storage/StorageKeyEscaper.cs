using System.Globalization;
using System.Text;

namespace KaizalaBot.Storage;

/// <summary>
/// Reversible, per-character escaping of storage keys into names made of <c>[a-z0-9-]</c> (plus <c>[A-Z]</c> when
/// the target is case-sensitive) and <c>_xx</c> escapes of UTF-8 bytes.
/// </summary>
/// <remarks>
/// Per-character escaping keeps the prefix property backends rely on for listing: <c>Escape(key)</c> starts with
/// <c>Escape(prefix)</c> exactly when <c>key</c> starts with <c>prefix</c>, because every escape is a fixed
/// code word and <c>_</c> never appears unescaped. Upper-case letters are escaped for file names since
/// Windows and macOS file systems are case-insensitive (<c>A</c> and <c>a</c> would collide there).
/// </remarks>
internal static class StorageKeyEscaper
{
    private const char EscapeChar = '_';

    public static string Escape(string key, bool preserveUpperCase)
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
