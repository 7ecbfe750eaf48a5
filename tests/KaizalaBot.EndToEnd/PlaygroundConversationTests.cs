using System.Text.Json;
using KaizalaBot.Testing.Processes;

namespace KaizalaBot.EndToEnd;

/// <summary>
/// A person's view: the Agents Playground (a Teams-like client) in headless Chromium installs the bot, sees the
/// welcome card once, types commands and sees the answers rendered as Adaptive Cards.
/// </summary>
[Collection(PlaygroundRuns.Name)]
public sealed class PlaygroundConversationTests(PlaygroundHost host) : IClassFixture<PlaygroundHost>
{
    [Fact]
    public async Task Playground_InstallThenHelpAideAndWelcomeButton_ShowsOneWelcomeCardThenHelpCards()
    {
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

        var output = await NodeTool.RunAsync(
            "playwright", "playground-chat.js", standardInput: string.Empty, CancellationToken.None,
            host.PlaygroundUrl.ToString(), screenshots, host.ChromiumPath, "help", "aide", "click:What can I do?");

        var cards = JsonDocument.Parse(output).RootElement.GetProperty("cards").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(4, cards.Count);
        Assert.StartsWith("Welcome to KaizalaBot", cards[0], StringComparison.Ordinal);
        Assert.Contains("A. Buy the replacement subscription", cards[0], StringComparison.Ordinal);
        Assert.StartsWith("What I can do", cards[1], StringComparison.Ordinal);
        Assert.Contains("cancel", cards[1], StringComparison.Ordinal);

        // The Playground's locale is en-US, so the French command answers in English (language follows the locale).
        Assert.StartsWith("What I can do", cards[2], StringComparison.Ordinal);

        // The welcome card's button submits the help command as card data, so it answers with the help card too.
        Assert.StartsWith("What I can do", cards[3], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(screenshots, "playground-welcome.png")));
    }
}
