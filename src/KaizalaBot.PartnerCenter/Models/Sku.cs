using System.Text.Json;

namespace KaizalaBot.PartnerCenter.Models;

public sealed record Sku
{
    public required string Id { get; init; }

    public string? ProductId { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public int MinimumQuantity { get; init; }

    public int MaximumQuantity { get; init; }

    public bool IsTrial { get; init; }

    public IReadOnlyList<BillingCycleType> SupportedBillingCycles { get; init; } = [];

    public IReadOnlyList<string> PurchasePrerequisites { get; init; } = [];

    // Free-form per product (reference §4.2); kept raw rather than guessed.
    public JsonElement? InventoryVariables { get; init; }

    public JsonElement? ProvisioningVariables { get; init; }

    // Carries provisioningId, the Entra skuId that licenseupdates take (reference §4.2).
    public SkuDynamicAttributes? DynamicAttributes { get; init; }

    public ResourceLinks? Links { get; init; }

    public ResourceAttributes? Attributes { get; init; }
}
