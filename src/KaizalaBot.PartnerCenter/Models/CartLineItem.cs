using System.Text.Json;

namespace KaizalaBot.PartnerCenter.Models;

public sealed record CartLineItem
{
    // Client-chosen index within the cart.
    public int Id { get; init; }

    public required string CatalogItemId { get; init; }

    public required int Quantity { get; init; }

    public BillingCycleType BillingCycle { get; init; }

    public string? TermDuration { get; init; }

    public string? FriendlyName { get; init; }

    public string? CurrencyCode { get; init; }

    public string? PromotionId { get; init; }

    public IReadOnlyDictionary<string, string>? ProvisioningContext { get; init; }

    // Server-assigned: line items of one group become one order.
    public string? OrderGroup { get; init; }

    public JsonElement? Pricing { get; init; }

    // Validation failures come back here inside a 201 rather than as an HTTP error (reference §5.1).
    public CartError? Error { get; init; }
}
