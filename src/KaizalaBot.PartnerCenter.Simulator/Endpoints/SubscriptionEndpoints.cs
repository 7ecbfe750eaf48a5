using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Behaviour;
using KaizalaBot.PartnerCenter.Simulator.Catalog;
using KaizalaBot.PartnerCenter.Simulator.State;
using KaizalaBot.PartnerCenter.Simulator.Wire;

namespace KaizalaBot.PartnerCenter.Simulator.Endpoints;

/// <summary>
/// Subscriptions: list (also by order), get, PATCH (suspend/reactivate/quantity/name; 200, or 202 + Location for a share),
/// provisioning status (reference §3).
/// </summary>
internal static class SubscriptionEndpoints
{
    /// <summary>Legacy suspension: deprovisioned 120 days later (reference §3.4, [KZ]).</summary>
    public static readonly TimeSpan DeprovisionAfter = TimeSpan.FromDays(120);

    private static readonly TimeSpan NceCancellationWindow = TimeSpan.FromDays(7);

    private static readonly string[] StatusByNumber = ["none", "active", "suspended", "deleted", "expired", "pending", "disabled"];

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/customers/{customerId}/subscriptions", List).WithMetadata(new SimEndpointMetadata("subscriptions.list", false));
        v1.MapGet("/customers/{customerId}/subscriptions/{subscriptionId}", Get).WithMetadata(new SimEndpointMetadata("subscriptions.get", false));
        v1.MapPatch("/customers/{customerId}/subscriptions/{subscriptionId}", PatchAsync).WithMetadata(new SimEndpointMetadata("subscriptions.patch", false));
        v1.MapGet("/customers/{customerId}/subscriptions/{subscriptionId}/provisioningstatus", ProvisioningStatus)
            .WithMetadata(new SimEndpointMetadata("subscriptions.provisioningstatus", true));
    }

    private static SimResponse List(string customerId, HttpRequest request, SimulatorWorld world)
    {
        var orderId = request.Query["order_id"].ToString();
        return world.Read(customerId, (customer, tenant) =>
        {
            var subscriptions = tenant.Subscriptions.Values.AsEnumerable();
            if (orderId.Length > 0)
            {
                subscriptions = subscriptions.Where(s => string.Equals(s.OrderId, orderId, StringComparison.OrdinalIgnoreCase));
            }

            var self = $"/customers/{customer.Id}/subscriptions" + (orderId.Length > 0 ? $"?order_id={orderId}" : "");
            return SimResponse.Ok(WireJson.Collection(
                subscriptions.OrderBy(s => s.CreationDate).Select(s => (JsonNode)SubscriptionWire.Subscription(customer.Id, s, customer.Country)), self));
        });
    }

    private static SimResponse Get(string customerId, string subscriptionId, SimulatorWorld world) =>
        world.Read(customerId, (customer, tenant) =>
            SimResponse.Ok(SubscriptionWire.Subscription(customer.Id, Find(tenant, subscriptionId), customer.Country)));

    private static SimResponse ProvisioningStatus(string customerId, string subscriptionId, SimulatorWorld world) =>
        world.Read(customerId, (_, tenant) => SimResponse.Ok(SubscriptionWire.ProvisioningStatus(Find(tenant, subscriptionId))));

    private static async Task<SimResponse> PatchAsync(
        string customerId, string subscriptionId, HttpRequest request, SimulatorWorld world, CancellationToken cancellationToken)
    {
        var body = await JsonInput.ReadObjectAsync(request, cancellationToken);
        var ifMatch = request.Headers.IfMatch.ToString();
        var accepted = world.DrawPatchAccepted();
        return world.Mutate(customerId, (customer, tenant, now) =>
        {
            var current = Find(tenant, subscriptionId);
            if (tenant.PendingUpdates.ContainsKey(current.Id))
            {
                throw new PartnerCenterFaultException(409, 800082, "Subscription is not ready to be updated. Try again after sometime.");
            }

            if (!accepted)
            {
                var updated = ApplyPatch(current, body, ifMatch, now);
                tenant.Subscriptions[current.Id] = updated;
                return SimResponse.Ok(SubscriptionWire.Subscription(customer.Id, updated, customer.Country));
            }

            // "When the patch operation takes longer than the expected time, Partner Center sends 202 and a location
            // header that points to where to retrieve the subscription" (update-a-subscription-by-id): the subscription
            // itself, which shows the change once PatchProcessingTime has passed.
            var appliesAt = now + world.Options.PatchProcessingTime;
            tenant.PendingUpdates[current.Id] = new PendingSubscriptionUpdate { Updated = ApplyPatch(current, body, ifMatch, appliesAt), AppliesAt = appliesAt };
            return new SimResponse(StatusCodes.Status202Accepted, body: null, new Dictionary<string, string>
            {
                ["Location"] = $"/customers/{customer.Id}/subscriptions/{current.Id}",
            });
        });
    }

    /// <summary>
    /// The body is the whole subscription (the SDK's and the docs' form). Absent status, quantity (or the SDK default 0)
    /// and friendly name leave those unchanged; an absent <c>autoRenewEnabled</c> turns auto-renew off and absent
    /// next-term instructions are deleted, as update-a-subscription-by-id warns (reference §3.4). Validation happens
    /// before anything changes.
    /// </summary>
    private static SubscriptionRecord ApplyPatch(SubscriptionRecord current, JsonObject body, string ifMatch, DateTimeOffset now)
    {
        if (ifMatch.Length > 0 && ifMatch != "*" && ifMatch.Trim('"') != SubscriptionWire.Etag(current))
        {
            throw new PartnerCenterFaultException(400, 2055, "Etag is no longer valid. Get the subscription again and retry.");
        }

        if (current.Status == "deleted")
        {
            throw new PartnerCenterFaultException(400, 2011, "A deleted subscription can't be updated.");
        }

        var status = Status(body);
        var quantity = JsonInput.Int(body, "quantity") is { } q && q != 0 && q != current.Quantity ? q : (int?)null;
        var friendlyName = JsonInput.String(body, "friendlyName") is { } n && n != current.FriendlyName ? n : null;
        var autoRenewSent = JsonInput.Bool(body, "autoRenewEnabled");
        var nextTermInstructions = JsonInput.Object(body, "scheduledNextTermInstructions")?.ToJsonString();
        var statusChange = status is not null && status != current.Status ? status : null;
        var autoRenewRequested = autoRenewSent is { } a && a != current.AutoRenewEnabled;

        if (current.Status == "suspended" && !(statusChange == "active" && quantity is null && friendlyName is null && !autoRenewRequested))
        {
            throw new PartnerCenterFaultException(400, 800091, $"Cannot update suspended subscription {current.Id}; reactivate it first.");
        }

        if (statusChange == "suspended" && quantity is not null)
        {
            throw new PartnerCenterFaultException(400, 2001, "The quantity cannot be changed while suspending a subscription.");
        }

        if (quantity is < 1)
        {
            throw new PartnerCenterFaultException(400, 2002, "Subscription quantity isn't within the minimum and maximum allowed quantity.");
        }

        if (quantity is { } wanted && PlanCatalog.FindBySkuId(current.SkuId) is { } plan && wanted > plan.MaximumQuantity)
        {
            // 800088 rather than 2002: it names the per-subscription seat limit of the SKU, as the cart's 800067 does.
            throw new PartnerCenterFaultException(403, 800088,
                $"The requested number of {wanted} seat/s exceeded the remaining limit of {plan.MaximumQuantity} seats allowed per subscription for the CatalogID - {plan.CatalogItemId}");
        }

        var updated = statusChange is null ? current : ChangeStatus(current, statusChange, now);
        return updated with
        {
            Quantity = quantity ?? updated.Quantity,
            FriendlyName = friendlyName ?? updated.FriendlyName,
            // Suspending an NCE subscription turns auto-renew off whatever was sent (reference §3.4).
            AutoRenewEnabled = updated is { IsNce: true, Status: "suspended" } ? false : autoRenewSent ?? false,
            ScheduledNextTermInstructions = nextTermInstructions,
            Version = current.Version + 1,
        };
    }

    private static SubscriptionRecord ChangeStatus(SubscriptionRecord current, string status, DateTimeOffset now)
    {
        switch (status)
        {
            case "suspended" when current.Status == "active":
                // NCE: suspending turns auto-renew off (reference §3.4).
                return current with
                {
                    Status = "suspended",
                    SuspendedAt = now,
                    DeprovisionDate = now + DeprovisionAfter,
                    AutoRenewEnabled = current.IsNce ? false : current.AutoRenewEnabled,
                };
            case "active" when current.Status == "suspended":
                return current with { Status = "active", SuspendedAt = null, DeprovisionDate = null };
            case "deleted" when current.IsNce && current.Status == "active":
                if (now - current.CreationDate > NceCancellationWindow)
                {
                    throw new PartnerCenterFaultException(400, 900117, "The 7-day cancellation window has passed; this subscription can no longer be cancelled.");
                }

                return current with { Status = "deleted", AutoRenewEnabled = false };
            default:
                throw new PartnerCenterFaultException(400, 800096, $"Cannot update the status of subscription {current.Id} from '{current.Status}' to '{status}'.");
        }
    }

    private static string? Status(JsonObject body)
    {
        switch (body["status"])
        {
            case null:
                return null;

            // EnumJsonConverter writes snake_case strings but accepts integers too (reference §1.4).
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                var known = StatusByNumber.FirstOrDefault(s => s.Equals(text, StringComparison.OrdinalIgnoreCase))
                    ?? throw PartnerCenterFaultException.BadInput($"'{text}' is not a subscription status.");
                return known == "none" ? null : known;

            // "none" (0) is the SDK default of a Subscription whose Status was not set: not a requested change.
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                return JsonInput.Int(body, "status") switch
                {
                    0 => null,
                    { } number and > 0 and < 7 => StatusByNumber[number],
                    _ => throw PartnerCenterFaultException.BadInput("'status' is not a subscription status."),
                };
            default:
                throw PartnerCenterFaultException.BadInput("'status' must be a string or an integer.");
        }
    }

    private static SubscriptionRecord Find(TenantState tenant, string subscriptionId) =>
        tenant.Subscriptions.TryGetValue(subscriptionId, out var subscription)
            ? subscription
            : throw PartnerCenterFaultException.NotFound(20003, $"Subscription {subscriptionId} was not found.");
}
