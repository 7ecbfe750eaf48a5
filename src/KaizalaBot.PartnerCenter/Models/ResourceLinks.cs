using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.PartnerCenter.Models;

// One tolerant shape for every resource's links: the service adds link names per resource type
// (offer, sku, provisioningStatus...); unknown ones are kept aside rather than rejected.
public sealed record ResourceLinks
{
    public Link? Self { get; init; }

    public Link? Next { get; init; }

    public Link? Previous { get; init; }

    public Link? Offer { get; init; }

    public Link? Product { get; init; }

    public Link? Sku { get; init; }

    public Link? Skus { get; init; }

    public Link? Availability { get; init; }

    public Link? Entitlement { get; init; }

    public Link? ParentSubscription { get; init; }

    public Link? ProvisioningStatus { get; init; }

    public Link? PatchOperation { get; init; }

    public Link? LearnMore { get; init; }

    // Unknown fields are kept so that a resource PATCHed back whole loses nothing.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}
