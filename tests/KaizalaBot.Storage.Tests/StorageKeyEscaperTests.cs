namespace KaizalaBot.Storage.Tests;

public sealed class StorageKeyEscaperTests
{
    private static readonly string[] Keys =
    [
        "a/b", "a%2Fb", "a_b", "a_2fb", "a_2Fb", "A", "a", "..", ".", "/", "\\", "ü", "u\u0308", "🚀", "日本", "a b", "a+b", "-", "_", "__",
        "!@#$%^&*()~/\\><,.?';\"`~", "CON", "con",
    ];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Escape_ThenUnescape_ReturnsOriginalKey(bool preserveUpperCase)
    {
        var roundTripped = Keys.Select(k => StorageKeyEscaper.TryUnescape(StorageKeyEscaper.Escape(k, preserveUpperCase), preserveUpperCase));

        Assert.Equal(Keys, roundTripped);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Escape_DistinctKeys_GiveDistinctNames(bool preserveUpperCase)
    {
        var names = Keys.Select(k => StorageKeyEscaper.Escape(k, preserveUpperCase)).ToList();

        Assert.Equal(Keys.Length, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Escape_FileNames_DoNotCollideWhenCaseIsIgnored()
    {
        var names = Keys.Select(k => StorageKeyEscaper.Escape(k, preserveUpperCase: false)).ToList();

        Assert.Equal(Keys.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.Matches("^[a-z0-9_-]+$", n));
    }

    [Theory]
    [InlineData("user/", "user/1")]
    [InlineData("ü", "über")]
    [InlineData("a_", "a_b")]
    [InlineData("a%", "a%2F")]
    public void Escape_PrefixOfKey_IsPrefixOfEscapedKey(string prefix, string key)
    {
        var escapedPrefix = StorageKeyEscaper.Escape(prefix, preserveUpperCase: true);

        var escapedKey = StorageKeyEscaper.Escape(key, preserveUpperCase: true);

        Assert.StartsWith(escapedPrefix, escapedKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_NotAPrefix_EscapedPrefixDoesNotMatch()
    {
        var escapedPrefix = StorageKeyEscaper.Escape("user/", preserveUpperCase: true);

        var escapedKey = StorageKeyEscaper.Escape("user_2f", preserveUpperCase: true);

        Assert.False(escapedKey.StartsWith(escapedPrefix, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("_2")]
    [InlineData("_zz")]
    [InlineData("_2F")]
    [InlineData("a.b")]
    [InlineData("_ff")]
    [InlineData("")]
    public void TryUnescape_NotAnEscapedKey_ReturnsNull(string name)
    {
        var key = StorageKeyEscaper.TryUnescape(name, preserveUpperCase: true);

        Assert.Null(key);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Escape_KeyWhoseEscapeIsTooLong_GivesABoundedDeterministicDigestName(bool preserveUpperCase)
    {
        var key = "conversations/" + new string(':', 100_000);

        var name = StorageKeyEscaper.Escape(key, preserveUpperCase);

        Assert.True(name.Length <= StorageKeyEscaper.MaxEscapedLength);
        Assert.Equal(name, StorageKeyEscaper.Escape(key, preserveUpperCase));
        Assert.Matches("^(?:[a-z0-9-]|_[0-9a-f]{2})+~[0-9a-f]{64}$", name);
        Assert.True(StorageKeyEscaper.IsDigestName(name));
        Assert.Null(StorageKeyEscaper.TryUnescape(name, preserveUpperCase));
    }

    [Fact]
    public void Escape_EscapedLengthAtTheLimit_StaysReversibleAndOneMoreBecomesADigest()
    {
        var atLimit = new string('a', StorageKeyEscaper.MaxEscapedLength);
        var overLimit = atLimit + "a";

        Assert.Equal(atLimit, StorageKeyEscaper.Escape(atLimit, preserveUpperCase: true));
        Assert.True(StorageKeyEscaper.IsDigestName(StorageKeyEscaper.Escape(overLimit, preserveUpperCase: true)));
    }

    [Fact]
    public void Escape_LongKeysDifferingOnlyFarBeyondTheKeptPrefix_GiveDistinctNames()
    {
        var stem = new string('é', 5000);
        string[] keys = [stem + "a", stem + "b", stem + "A", stem + "aa", stem];

        var names = keys.Select(k => StorageKeyEscaper.Escape(k, preserveUpperCase: false)).ToList();

        Assert.Equal(keys.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Escape_DigestName_NeverCutsAnEscapeInTwo(int offset)
    {
        // Shift the three-character escapes across the cut so it falls before, inside and after one.
        var key = new string('a', offset) + new string('/', 2000);

        var name = StorageKeyEscaper.Escape(key, preserveUpperCase: true);

        Assert.Matches("^a*(?:_2f)+~[0-9a-f]{64}$", name);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(200)]
    [InlineData(290)]
    [InlineData(600)]
    [InlineData(2000)]
    public void EscapePrefix_FindsEveryKeyUnderThePrefixWhateverItsLength(int prefixLength)
    {
        var prefix = new string('/', prefixLength);
        string[] keys = [prefix, prefix + "x", prefix + new string('é', 3000)];

        var listed = StorageKeyEscaper.EscapePrefix(prefix, preserveUpperCase: true);

        Assert.All(keys, k => Assert.StartsWith(listed, StorageKeyEscaper.Escape(k, preserveUpperCase: true), StringComparison.Ordinal));
        Assert.True(listed.Length <= StorageKeyEscaper.DigestPrefixLength);
    }

    [Fact]
    public void Escape_UnpairedSurrogate_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => StorageKeyEscaper.Escape("a\uDC00", preserveUpperCase: true));
    }
}
