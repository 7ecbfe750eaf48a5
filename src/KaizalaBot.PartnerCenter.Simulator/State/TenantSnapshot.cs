namespace KaizalaBot.PartnerCenter.Simulator.State;

/// <summary>Persisted form of one customer tenant's mutable world.</summary>
internal sealed record TenantSnapshot
{
    public required string CustomerId { get; init; }

    public required IReadOnlyList<SubscriptionRecord> Subscriptions { get; init; }

    public required IReadOnlyList<UserRecord> Users { get; init; }

    public required IReadOnlyList<CartRecord> Carts { get; init; }

    public required IReadOnlyList<OrderRecord> Orders { get; init; }

    /// <summary>Absent in state files written before PATCH could answer 202.</summary>
    public IReadOnlyList<PendingSubscriptionUpdate> PendingUpdates { get; init; } = [];
}
