namespace KaizalaBot.EndToEnd;

/// <summary>
/// The Playground tests run one after the other: each starts a bot, a Playground and a Chromium, which together would
/// crowd the machine (and the Playground's Node process) if they ran at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PlaygroundRuns
{
    public const string Name = "Agents Playground";
}
