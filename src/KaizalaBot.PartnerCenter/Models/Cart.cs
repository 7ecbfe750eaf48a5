namespace KaizalaBot.PartnerCenter.Models;

public sealed record Cart
{
    public string? Id { get; init; }

    public DateTimeOffset? CreationTimestamp { get; init; }

    public DateTimeOffset? LastModifiedTimestamp { get; init; }

    // Varies from minutes to days between examples (reference §5.1): always read it.
    public DateTimeOffset? ExpirationTimestamp { get; init; }

    public string? LastModifiedUser { get; init; }

    // "Active" / "Ordered": PascalCase on the wire, so kept as text.
    public string? Status { get; init; }

    public IReadOnlyList<CartLineItem> LineItems { get; init; } = [];

    public ResourceLinks? Links { get; init; }

    public ResourceAttributes? Attributes { get; init; }
}
