using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Behaviour;
using KaizalaBot.PartnerCenter.Simulator.State;
using KaizalaBot.PartnerCenter.Simulator.Wire;

namespace KaizalaBot.PartnerCenter.Simulator.Endpoints;

/// <summary><c>GET /customers</c> (paged, searchable), <c>GET /customers/{id}</c>, company profile (reference §2).</summary>
internal static class CustomerEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/customers", List).WithMetadata(new SimEndpointMetadata("customers.list", false));
        v1.MapGet("/customers/{customerId}", Get).WithMetadata(new SimEndpointMetadata("customers.get", false));
        v1.MapGet("/customers/{customerId}/profiles/company", GetCompanyProfile).WithMetadata(new SimEndpointMetadata("customers.profile", false));
    }

    private static SimResponse List(HttpRequest request, SimulatorWorld world)
    {
        IReadOnlyList<CustomerRecord> customers = world.Customers;
        var filter = request.Query["filter"].ToString();
        if (filter.Length > 0)
        {
            customers = Search(customers, JsonInput.ParseObject(filter));
        }

        return SimResponse.Ok(SeekPaging.Page(customers, request, world.Options.DefaultPageSize, "/customers", CustomerWire.ListItem));
    }

    private static SimResponse Get(string customerId, SimulatorWorld world) =>
        SimResponse.Ok(CustomerWire.Detail(world.GetCustomer(customerId)));

    private static SimResponse GetCompanyProfile(string customerId, SimulatorWorld world) =>
        SimResponse.Ok(CustomerWire.CompanyProfile(world.GetCustomer(customerId), withAddress: true));

    /// <summary>SimpleFieldFilter; for customers only <c>starts_with</c> is supported, case-insensitively (reference §2.1).</summary>
    private static List<CustomerRecord> Search(IReadOnlyList<CustomerRecord> customers, JsonObject filter)
    {
        var field = JsonInput.String(filter, "Field") ?? throw PartnerCenterFaultException.BadInput("The filter needs a Field.");
        var value = JsonInput.String(filter, "Value") ?? "";
        var op = JsonInput.String(filter, "Operator") ?? throw PartnerCenterFaultException.BadInput("The filter needs an Operator.");
        if (!op.Equals("starts_with", StringComparison.OrdinalIgnoreCase))
        {
            throw PartnerCenterFaultException.BadInput($"Operator '{op}' is not supported for customer search; use starts_with.");
        }

        Func<CustomerRecord, string?> selector = field.ToUpperInvariant() switch
        {
            "COMPANYNAME" => c => c.CompanyName,
            "DOMAIN" => c => c.Domain,
            // The demo partner sells direct: no customer has an indirect reseller or provider.
            "INDIRECTRESELLER" or "INDIRECTCLOUDSOLUTIONPROVIDER" => _ => null,
            _ => throw PartnerCenterFaultException.BadInput($"Field '{field}' is not a customer search field."),
        };

        return [.. customers.Where(c => selector(c)?.StartsWith(value, StringComparison.OrdinalIgnoreCase) == true)];
    }
}
