using KaizalaBot.BotFramework.Diagnostics;

namespace KaizalaBot.BotFramework.Tests.Diagnostics;

public sealed class LogValueTests
{
    [Fact]
    public void Sanitize_OrdinaryValue_ReturnsItUnchanged()
    {
        const string value = "19:d0c8ee4b@thread.tacv2;messageid=1575667808184 Élodie 🙂";

        Assert.Same(value, LogValue.Sanitize(value));
    }

    [Fact]
    public void Sanitize_Null_ReturnsNull() => Assert.Null(LogValue.Sanitize(null));

    [Fact]
    public void ToString_RendersTheSanitisedValueOrNullMarker()
    {
        LogValue forged = "id\nfail: forged";
        LogValue missing = (string?)null;

        Assert.Equal("id\\nfail: forged", forged.ToString());
        Assert.Equal("(null)", missing.ToString());
    }

    [Theory]
    [InlineData("a\nfail: forged line", "a\\nfail: forged line")]
    [InlineData("a\r\nb\tc", "a\\r\\nb\\tc")]
    [InlineData("nul\0byte", "nul\\u0000byte")]
    [InlineData("esc\u001b[31mred", "esc\\u001b[31mred")]
    [InlineData("c1\u0085next", "c1\\u0085next")]
    [InlineData("line\u2028sep\u2029", "line\\u2028sep\\u2029")]
    [InlineData("admin\u202Etxt.exe", "admin\\u202etxt.exe")]
    [InlineData("zero\u200Bwidth", "zero\\u200bwidth")]
    [InlineData("back\\slash\\n", "back\\\\slash\\\\n")]
    public void Sanitize_ControlOrFormatCharacters_AreEscaped(string value, string expected) =>
        Assert.Equal(expected, LogValue.Sanitize(value));

    [Fact]
    public void Sanitize_LoneSurrogates_AreEscaped()
    {
        var value = "a" + '\ud800' + "b" + '\udc00';

        Assert.Equal("a\\ud800b\\udc00", LogValue.Sanitize(value));
    }

    [Fact]
    public void Sanitize_LongValue_IsCutAtTheLimitAndSaysHowMuchWasLeftOut()
    {
        var value = new string('x', 10_000);

        var logged = LogValue.Sanitize(value);

        Assert.Equal(new string('x', LogValue.MaxLength) + $"…({10_000 - LogValue.MaxLength} more)", logged);
    }

    [Fact]
    public void Sanitize_CutFallsInsideASurrogatePair_KeepsThePairOut()
    {
        var value = new string('x', LogValue.MaxLength - 1) + "🙂" + "tail";

        var logged = LogValue.Sanitize(value);

        Assert.Equal(new string('x', LogValue.MaxLength - 1) + "…(6 more)", logged);
    }
}
