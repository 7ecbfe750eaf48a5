namespace KaizalaBot.PartnerCenter.Models;

public sealed record OfferCategory
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public int Rank { get; init; }
}
