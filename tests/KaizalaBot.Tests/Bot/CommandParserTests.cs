using System.Text;
using System.Text.RegularExpressions;
using KaizalaBot.Bot;

namespace KaizalaBot.Tests.Bot;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("help", BotCommand.Help)]
    [InlineData("  AIDE! ", BotCommand.Help)]
    [InlineData("<at>KaizalaBot</at> help", BotCommand.Help)]
    [InlineData("<AT>Kaizala Bot</At>annuler.", BotCommand.Cancel)]
    [InlineData("<at>Kaizala</at> <at>Bot</at> ?", BotCommand.Help)]
    [InlineData("<at>a\nb</at>cancel", BotCommand.Cancel)]
    public void Parse_CommandWithMentionsPunctuationOrCapitals_IsRecognised(string text, BotCommand expected) =>
        Assert.Equal(expected, CommandParser.Parse(text));

    [Theory]
    [InlineData("<at>help")]
    [InlineData("help </at>")]
    [InlineData("helpme")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_NotACommand_ReturnsNull(string? text) => Assert.Null(CommandParser.Parse(text));

    [Fact]
    public void RemoveMentions_GeneratedTexts_MatchTheFormerRegexExactly()
    {
        // The regex the scan replaced, as the reference for what a mention is (nearest closing tag, any case).
        var reference = new Regex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
        string[] pieces = ["<at>", "</at>", "<AT>", "</At>", "<a", "t>", "</", "a", " ", "\n", "help", "é", "🙂"];
        var random = new Random(20260701);

        for (var i = 0; i < 5_000; i++)
        {
            var text = new StringBuilder();
            for (var j = random.Next(0, 14); j > 0; j--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            var input = text.ToString();
            Assert.Equal(reference.Replace(input, " "), CommandParser.RemoveMentions(input));
        }
    }

    [Theory]
    [InlineData("<at>")]
    [InlineData("<at></a")]
    [InlineData("<at>x</at><at>")]
    public async Task Parse_HundredsOfThousandsOfUnclosedMentions_FinishesFarInsideABoundAQuadraticScanCouldNotMeet(string unit)
    {
        // About 2 million characters. The former regex restarted a scan to the end from every unclosed <at>: some
        // 10^11 character steps here, hours of CPU; a linear scan needs milliseconds. The bound only stops a regression
        // from hanging the run; it measures nothing.
        var text = string.Concat(Enumerable.Repeat(unit, 2_000_000 / unit.Length)) + " help";

        var parsed = await Task.Run(() => CommandParser.Parse(text)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Null(parsed);
    }
}
