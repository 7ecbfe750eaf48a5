namespace KaizalaBot.PartnerCenter.Simulator.State;

internal sealed record CartRecord
{
    public required string Id { get; init; }

    /// <summary>Active, Ordered (after checkout).</summary>
    public required string Status { get; init; }

    public required DateTimeOffset CreationTimestamp { get; init; }

    public required DateTimeOffset LastModifiedTimestamp { get; init; }

    public required DateTimeOffset ExpirationTimestamp { get; init; }

    public required string LastModifiedUser { get; init; }

    public required IReadOnlyList<CartLineRecord> LineItems { get; init; }

    public IReadOnlyList<string> OrderIds { get; init; } = [];
}
