using KaizalaBot.Bot;

namespace KaizalaBot.Tests.Bot;

public sealed class TextExcerptTests
{
    [Theory]
    [InlineData("  migrer contoso  ", "migrer contoso")]
    [InlineData("line one\r\nline\ttwo", "line one line two")]
    [InlineData("bell\u0007ring", "bell ring")]
    [InlineData(null, "")]
    public void Of_ShortText_IsTrimmedOntoOneLine(string? text, string expected) => Assert.Equal(expected, TextExcerpt.Of(text, 80));

    [Fact]
    public void Of_LongText_IsCutAtTheLimitWithAnEllipsis()
    {
        var excerpt = TextExcerpt.Of(new string('x', 500), 80);

        Assert.Equal(new string('x', 80) + "…", excerpt);
    }

    [Theory]
    [InlineData("🙂")]
    [InlineData("e\u0301")]
    [InlineData("👩‍👩‍👧")]
    [InlineData("🇫🇷")]
    public void Of_CutFallsInsideAUserPerceivedCharacter_LeavesTheWholeCharacterOut(string character)
    {
        var text = new string('x', 79) + character + "tail";

        var excerpt = TextExcerpt.Of(text, 80);

        Assert.Equal(new string('x', 79) + "…", excerpt);
    }

    [Fact]
    public void Of_SurrogatePairsAtEveryOffset_NeverProducesALoneSurrogate()
    {
        for (var offset = 0; offset < 6; offset++)
        {
            var text = new string('x', offset) + string.Concat(Enumerable.Repeat("🚀", 100));

            var excerpt = TextExcerpt.Of(text, 80);

            Assert.True(excerpt.Length <= 81, excerpt);
            Assert.DoesNotContain('\uFFFD', System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(excerpt)));
        }
    }
}
