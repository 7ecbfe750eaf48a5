namespace KaizalaBot.PartnerCenter.Models;

public sealed record Currency
{
    public string? Code { get; init; }

    public string? Symbol { get; init; }
}
