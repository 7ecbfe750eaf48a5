using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.PartnerCenter.Models;

// Read, changed with `with`, and PATCHed back whole (reference §3.4): a field this record does not name
// (scheduledNextTermInstructions, refundOptions, promotionId, ...) must go back exactly as it came, or the
// service would take its absence as a change.
public sealed record Subscription
{
    public required string Id { get; init; }

    public string? OfferId { get; init; }

    public string? OfferName { get; init; }

    public string? FriendlyName { get; init; }

    public string? EntitlementId { get; init; }

    public ItemType? ProductType { get; init; }

    public int Quantity { get; init; }

    public string? UnitType { get; init; }

    public string? ParentSubscriptionId { get; init; }

    public DateTimeOffset? CreationDate { get; init; }

    public DateTimeOffset? EffectiveStartDate { get; init; }

    public DateTimeOffset? CommitmentEndDate { get; init; }

    public DateTimeOffset? CommitmentEndDateTime { get; init; }

    public DateTimeOffset? CancellationAllowedUntilDate { get; init; }

    public SubscriptionStatus Status { get; init; }

    public bool AutoRenewEnabled { get; init; }

    public BillingType BillingType { get; init; }

    public BillingCycleType? BillingCycle { get; init; }

    public string? TermDuration { get; init; }

    public string? RenewalTermDuration { get; init; }

    // "subscription", "productKey", "redemptionCode": camelCase on the wire, not snake_case, so kept as text.
    public string? ContractType { get; init; }

    // In the JSON only, not on the SDK class (reference §3.2); needed to reconcile purchases by order.
    public string? OrderId { get; init; }

    public bool IsTrial { get; init; }

    public bool? HasPurchasableAddons { get; init; }

    public bool? IsMicrosoftProduct { get; init; }

    public string? PublisherName { get; init; }

    public string? PartnerId { get; init; }

    public string? MigratedFromSubscriptionId { get; init; }

    public IReadOnlyList<string> Actions { get; init; } = [];

    public IReadOnlyList<string> SuspensionReasons { get; init; } = [];

    public ResourceLinks? Links { get; init; }

    public ResourceAttributes? Attributes { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}
