using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Behaviour;
using KaizalaBot.PartnerCenter.Simulator.Catalog;
using KaizalaBot.PartnerCenter.Simulator.State;
using KaizalaBot.PartnerCenter.Simulator.Wire;

namespace KaizalaBot.PartnerCenter.Simulator.Endpoints;

/// <summary>
/// Legacy offers and NCE products → SKUs → availabilities, partner- and customer-scoped (reference §4). Unknown
/// product, SKU and availability are 404 with their documented codes 400013, 400018, 400019.
/// </summary>
internal static class CatalogEndpoints
{
    private static readonly string[] Segments = ["commercial", "education"];

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/offers", Offers).WithMetadata(new SimEndpointMetadata("offers.list", false));
        v1.MapGet("/offers/{offerId}", Offer).WithMetadata(new SimEndpointMetadata("offers.get", false));
        v1.MapGet("/products", (HttpRequest r) => Products(r, Country(r), null)).WithMetadata(new SimEndpointMetadata("products.list", false));
        v1.MapGet("/products/{productId}", (string productId, HttpRequest r) => Product(productId, Country(r)))
            .WithMetadata(new SimEndpointMetadata("products.get", false));
        v1.MapGet("/products/{productId}/skus", (string productId, HttpRequest r) => Skus(productId, r, Country(r), null))
            .WithMetadata(new SimEndpointMetadata("skus.list", false));
        v1.MapGet("/products/{productId}/skus/{skuId}", (string productId, string skuId, HttpRequest r) => Sku(productId, skuId, Country(r)))
            .WithMetadata(new SimEndpointMetadata("skus.get", false));
        v1.MapGet("/products/{productId}/skus/{skuId}/availabilities", (string productId, string skuId, HttpRequest r) => Availabilities(productId, skuId, r, Country(r), null))
            .WithMetadata(new SimEndpointMetadata("availabilities.list", false));
        v1.MapGet("/products/{productId}/skus/{skuId}/availabilities/{availabilityId}",
                (string productId, string skuId, string availabilityId, HttpRequest r) => Availability(productId, skuId, availabilityId, Country(r)))
            .WithMetadata(new SimEndpointMetadata("availabilities.get", false));

        // Customer-scoped variants take the customer's country and segment (reference §4.2).
        v1.MapGet("/customers/{customerId}/products", (string customerId, HttpRequest r, SimulatorWorld w) =>
        {
            var c = w.GetCustomer(customerId);
            return Products(r, c.Country, c);
        }).WithMetadata(new SimEndpointMetadata("customer.products.list", false));
        v1.MapGet("/customers/{customerId}/products/{productId}/skus", (string customerId, string productId, HttpRequest r, SimulatorWorld w) =>
        {
            var c = w.GetCustomer(customerId);
            return Skus(productId, r, c.Country, c);
        }).WithMetadata(new SimEndpointMetadata("customer.skus.list", false));
        v1.MapGet("/customers/{customerId}/products/{productId}/skus/{skuId}/availabilities",
            (string customerId, string productId, string skuId, HttpRequest r, SimulatorWorld w) =>
            {
                var c = w.GetCustomer(customerId);
                return Availabilities(productId, skuId, r, c.Country, c);
            }).WithMetadata(new SimEndpointMetadata("customer.availabilities.list", false));
    }

    private static SimResponse Offers(HttpRequest request)
    {
        var country = Country(request);
        var offers = PlanCatalog.AllPlans.Where(p => p.LegacyOfferId is not null).Select(p => (JsonNode)CatalogWire.Offer(p, country));
        return SimResponse.Ok(WireJson.Collection(offers, $"/offers?country={country}"));
    }

    private static SimResponse Offer(string offerId, HttpRequest request)
    {
        // An NCE id belongs to the products API (2100); anything else unknown is an invalid offer id (400/800004).
        if (PlanCatalog.FindByProduct(offerId.Split(':')[0]) is not null || offerId.Contains(':', StringComparison.Ordinal))
        {
            throw new PartnerCenterFaultException(400, 2100, $"The Offers API doesn't support item with ID {offerId}. Try using the Products and/or SKUs APIs.");
        }

        var plan = PlanCatalog.FindByLegacyOfferId(offerId)
            ?? throw new PartnerCenterFaultException(400, 800004, $"Offer {offerId} is not a valid offer id.");
        return SimResponse.Ok(CatalogWire.Offer(plan, Country(request)));
    }

    private static SimResponse Products(HttpRequest request, string country, CustomerRecord? customer)
    {
        var targetView = request.Query["targetView"].ToString();
        if (targetView.Length > 0 && !targetView.Equals("OnlineServices", StringComparison.OrdinalIgnoreCase))
        {
            throw new PartnerCenterFaultException(403, 400036, $"The targetView '{targetView}' is not allowed; the simulator serves OnlineServices.");
        }

        var plans = Filter(PlanCatalog.ReplacementPlans, request, customer);
        return SimResponse.Ok(WireJson.Collection(plans.Select(p => (JsonNode)CatalogWire.Product(p, country)), $"/products?country={country}"));
    }

    private static SimResponse Product(string productId, string country) =>
        SimResponse.Ok(CatalogWire.Product(FindProduct(productId), country));

    private static SimResponse Skus(string productId, HttpRequest request, string country, CustomerRecord? customer)
    {
        var plan = FindProduct(productId);
        var plans = Filter([plan], request, customer);
        return SimResponse.Ok(WireJson.Collection(plans.Select(p => (JsonNode)CatalogWire.Sku(p, country)), $"/products/{plan.ProductId}/skus?country={country}"));
    }

    private static SimResponse Sku(string productId, string skuId, string country) =>
        SimResponse.Ok(CatalogWire.Sku(FindSku(productId, skuId), country));

    private static SimResponse Availabilities(string productId, string skuId, HttpRequest request, string country, CustomerRecord? customer)
    {
        var plan = FindSku(productId, skuId);
        var plans = Filter([plan], request, customer);
        return SimResponse.Ok(WireJson.Collection(plans.Select(p => (JsonNode)CatalogWire.Availability(p, country)),
            $"/products/{plan.ProductId}/skus/{plan.SkuCode}/availabilities?country={country}"));
    }

    private static SimResponse Availability(string productId, string skuId, string availabilityId, string country)
    {
        var plan = FindSku(productId, skuId);
        return string.Equals(plan.AvailabilityId, availabilityId, StringComparison.OrdinalIgnoreCase)
            ? SimResponse.Ok(CatalogWire.Availability(plan, country))
            : throw PartnerCenterFaultException.NotFound(400019, $"Availability {availabilityId} was not found.");
    }

    private static IEnumerable<CatalogPlan> Filter(IEnumerable<CatalogPlan> plans, HttpRequest request, CustomerRecord? customer)
    {
        var segment = request.Query["targetSegment"].ToString();
        if (segment.Length > 0 && !Segments.Contains(segment, StringComparer.OrdinalIgnoreCase))
        {
            throw new PartnerCenterFaultException(403, 400030, $"The targetSegment '{segment}' is not allowed.");
        }

        if (segment.Length == 0 && customer is not null)
        {
            segment = customer.Segment;
        }

        return segment.Length == 0 ? plans : plans.Where(p => p.Segment.Equals(segment, StringComparison.OrdinalIgnoreCase));
    }

    private static CatalogPlan FindProduct(string productId) =>
        PlanCatalog.ReplacementPlans.FirstOrDefault(p => string.Equals(p.ProductId, productId, StringComparison.OrdinalIgnoreCase))
        ?? throw PartnerCenterFaultException.NotFound(400013, $"Product {productId} was not found.");

    private static CatalogPlan FindSku(string productId, string skuId)
    {
        var plan = FindProduct(productId);
        return string.Equals(plan.SkuCode, skuId, StringComparison.OrdinalIgnoreCase)
            ? plan
            : throw PartnerCenterFaultException.NotFound(400018, $"SKU {skuId} of product {productId} was not found.");
    }

    private static string Country(HttpRequest request)
    {
        var country = request.Query["country"].ToString();
        return country.Length == 2
            ? country.ToUpperInvariant()
            : throw PartnerCenterFaultException.BadInput("The 'country' query parameter (ISO 3166 alpha-2) is required.");
    }
}
