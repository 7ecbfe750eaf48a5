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

    [Fact]
    public void Escape_UnpairedSurrogate_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => StorageKeyEscaper.Escape("a\uDC00", preserveUpperCase: true));
    }
}
