namespace KaizalaBot.PartnerCenter.Models;

public sealed record LinkHeader
{
    public required string Key { get; init; }

    public string? Value { get; init; }
}
