namespace KaizalaBot.PartnerCenter.Models;

public sealed record Product
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public ItemType? ProductType { get; init; }

    public bool? IsMicrosoftProduct { get; init; }

    public string? PublisherName { get; init; }

    public ResourceLinks? Links { get; init; }

    public ResourceAttributes? Attributes { get; init; }
}
