using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KaizalaBot.Bot;
using KaizalaBot.Localization;
using static KaizalaBot.Tests.TeamsApp.TeamsAppFiles;

namespace KaizalaBot.Tests.TeamsApp;

/// <summary>
/// The command lists Teams shows a seller name exactly the commands the bot's <see cref="CommandParser"/> understands,
/// in English (manifest.json) and French (fr.json): a command added to the parser must be added to both files, and
/// nothing the bot does not understand is advertised.
/// </summary>
public sealed partial class ManifestCommandListsTests
{
    [Fact]
    public void EnglishCommandLists_NameExactlyTheParsersEnglishCommands()
    {
        var expected = CommandParser.CommandNames(BotLanguage.English).Order();

        var lists = EnglishTitles();

        Assert.NotEmpty(lists);
        Assert.All(lists, list => Assert.Equal(expected, list.Order()));
    }

    [Fact]
    public void FrenchCommandLists_NameExactlyTheParsersFrenchCommands()
    {
        var expected = CommandParser.CommandNames(BotLanguage.French).Order();

        var lists = FrenchTitles();

        Assert.NotEmpty(lists);
        Assert.All(lists, list => Assert.Equal(expected, list.Order()));
    }

    [Fact]
    public void FrenchTitles_TranslateTheEnglishCommandAtTheSameIndex()
    {
        var pairs = EnglishTitles().Zip(FrenchTitles()).SelectMany(lists => lists.First.Zip(lists.Second)).ToList();

        Assert.NotEmpty(pairs);
        Assert.All(pairs, pair =>
        {
            var command = CommandParser.Parse(pair.First);
            Assert.NotNull(command);
            Assert.Equal(command, CommandParser.Parse(pair.Second));
        });
    }

    [Fact]
    public void FrenchFile_DescribesEveryCommandAndNoOther()
    {
        var lists = Manifest()["bots"]![0]!["commandLists"]!.AsArray();
        var expectedKeys = lists.SelectMany((list, i) => list!["commands"]!.AsArray().SelectMany((_, j) => new[]
        {
            $"bots[0].commandLists[{i}].commands[{j}].title",
            $"bots[0].commandLists[{i}].commands[{j}].description",
        }));

        var commandKeys = French().Select(pair => pair.Key).Where(key => CommandKey().IsMatch(key));

        Assert.Equal(expectedKeys.Order(), commandKeys.Order());
        Assert.All(French().Where(pair => CommandKey().IsMatch(pair.Key)), pair => Assert.False(string.IsNullOrWhiteSpace((string?)pair.Value)));
    }

    private static List<List<string>> EnglishTitles() =>
        [.. Manifest()["bots"]![0]!["commandLists"]!.AsArray()
            .Select(list => list!["commands"]!.AsArray().Select(command => (string)command!["title"]!).ToList())];

    private static List<List<string>> FrenchTitles()
    {
        var french = French();
        return [.. EnglishTitles().Select((list, i) => list.Select((_, j) =>
            (string?)french[$"bots[0].commandLists[{i}].commands[{j}].title"]
                ?? throw new Xunit.Sdk.XunitException($"fr.json has no title for command {j} of command list {i}")).ToList())];
    }

    [GeneratedRegex(@"^bots\[0\]\.commandLists\[\d+\]\.commands\[\d+\]\.")]
    private static partial Regex CommandKey();
}
