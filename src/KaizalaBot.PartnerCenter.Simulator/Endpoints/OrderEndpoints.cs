using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Behaviour;
using KaizalaBot.PartnerCenter.Simulator.State;
using KaizalaBot.PartnerCenter.Simulator.Wire;

namespace KaizalaBot.PartnerCenter.Simulator.Endpoints;

/// <summary>Orders: pending until <c>ProvisioningDelay</c> has passed, then completed with their subscriptions (reference §5.3).</summary>
internal static class OrderEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/customers/{customerId}/orders", List).WithMetadata(new SimEndpointMetadata("orders.list", false));
        v1.MapGet("/customers/{customerId}/orders/{orderId}", Get).WithMetadata(new SimEndpointMetadata("orders.get", false));
        v1.MapGet("/customers/{customerId}/orders/{orderId}/provisioningstatus", ProvisioningStatus)
            .WithMetadata(new SimEndpointMetadata("orders.provisioningstatus", true));
    }

    private static SimResponse List(string customerId, SimulatorWorld world) =>
        world.Read(customerId, (customer, tenant) => SimResponse.Ok(WireJson.Collection(
            tenant.Orders.Values.OrderBy(o => o.CreationDate).Select(o => (JsonNode)CommerceWire.Order(customer, o)),
            $"/customers/{customer.Id}/orders")));

    private static SimResponse Get(string customerId, string orderId, SimulatorWorld world) =>
        world.Read(customerId, (customer, tenant) => SimResponse.Ok(CommerceWire.Order(customer, Find(tenant, orderId))));

    private static SimResponse ProvisioningStatus(string customerId, string orderId, SimulatorWorld world) =>
        world.Read(customerId, (customer, tenant) => SimResponse.Ok(CommerceWire.ProvisioningStatus(customer, Find(tenant, orderId))));

    private static OrderRecord Find(TenantState tenant, string orderId) =>
        tenant.Orders.TryGetValue(orderId, out var order)
            ? order
            : throw PartnerCenterFaultException.NotFound(20000, $"Order id {orderId} was not found.");
}
