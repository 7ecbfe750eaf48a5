namespace KaizalaBot.PartnerCenter.Models;

// The PATCH body: only the fields set are sent, the service treats absent fields as unchanged
// (reference §3.4, minimal working body {"status":"suspended"}).
public sealed record SubscriptionUpdate
{
    public SubscriptionStatus? Status { get; init; }

    public string? FriendlyName { get; init; }

    public bool? AutoRenewEnabled { get; init; }

    public int? Quantity { get; init; }
}
