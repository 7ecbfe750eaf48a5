namespace KaizalaBot.BotFramework.Schema;

public sealed record ChannelInfo
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Type { get; init; }
}
