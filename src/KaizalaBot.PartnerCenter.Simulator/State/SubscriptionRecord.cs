namespace KaizalaBot.PartnerCenter.Simulator.State;

internal sealed record SubscriptionRecord
{
    public required string Id { get; init; }

    /// <summary>Legacy: offer GUID. NCE: catalog item id <c>{productId}:{skuId}:{availabilityId}</c>.</summary>
    public required string OfferId { get; init; }

    public required string OfferName { get; init; }

    public required string FriendlyName { get; init; }

    /// <summary>Entra skuId the subscription's licences count towards in /subscribedskus.</summary>
    public required string SkuId { get; init; }

    public required bool IsNce { get; init; }

    public required int Quantity { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public required DateTimeOffset EffectiveStartDate { get; init; }

    public required DateTimeOffset CommitmentEndDate { get; init; }

    /// <summary>Wire value: active, suspended, deleted, expired, pending.</summary>
    public required string Status { get; init; }

    public required bool AutoRenewEnabled { get; init; }

    public required string BillingCycle { get; init; }

    public required string TermDuration { get; init; }

    public required string OrderId { get; init; }

    /// <summary>Bumped on every change; the etag is derived from it (stale If-Match → 2055).</summary>
    public int Version { get; init; } = 1;

    public DateTimeOffset? SuspendedAt { get; init; }

    /// <summary>Legacy suspension: Partner Center deprovisions 120 days later (reference §3.4).</summary>
    public DateTimeOffset? DeprovisionDate { get; init; }

    /// <summary>NCE <c>scheduledNextTermInstructions</c> as JSON text, kept as sent; a PATCH without them deletes them.</summary>
    public string? ScheduledNextTermInstructions { get; init; }
}
