using KaizalaBot.Storage.Files;

namespace KaizalaBot.Storage.Tests.Files;

public sealed class FileKeyPathsTests
{
    [Theory]
    [InlineData("CON")]
    [InlineData("con")]
    [InlineData("nul")]
    [InlineData("com1")]
    [InlineData("lpt9")]
    public void ToRelativePath_WindowsDeviceName_NeverUsesTheDeviceNameAndRoundTrips(string key)
    {
        var path = FileKeyPaths.ToRelativePath(key);

        var baseName = Path.GetFileName(path).Split('.')[0];
        Assert.NotEqual(key, baseName, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(key, FileKeyPaths.FromRelativePath(path));
    }

    [Fact]
    public void ToRelativePath_LongKey_SplitsIntoShortSegmentsWithoutBreakingEscapes()
    {
        var key = string.Concat(Enumerable.Repeat("é/x", 80));

        var path = FileKeyPaths.ToRelativePath(key);

        var segments = path.Split(Path.DirectorySeparatorChar);
        Assert.True(segments.Length > 1);
        Assert.All(segments, s => Assert.True(s.Length <= 125, s));
        Assert.All(segments[..^1], s => Assert.Matches("^(?:[a-z0-9-]|_[0-9a-f]{2})+$", s));
        Assert.Equal(key, FileKeyPaths.FromRelativePath(path));
    }

    [Fact]
    public void ToRelativePath_KeyTooLongToEscapeInFull_GivesABoundedDigestPathWhoseKeyIsInTheFile()
    {
        var key = "installations/" + new string('日', 50_000);

        var path = FileKeyPaths.ToRelativePath(key);

        Assert.True(path.Length <= StorageKeyEscaper.MaxEscapedLength + 20, path.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(path.Split(Path.DirectorySeparatorChar), s => Assert.True(s.Length <= 125, s));
        Assert.True(FileKeyPaths.IsDigestPath(path));
        Assert.Null(FileKeyPaths.FromRelativePath(path));
        Assert.False(FileKeyPaths.IsDigestPath(FileKeyPaths.ToRelativePath("installations/short")));
    }

    [Fact]
    public void FromRelativePath_NotAJsonFile_ReturnsNull()
    {
        var key = FileKeyPaths.FromRelativePath("abc.tmp");

        Assert.Null(key);
    }
}
