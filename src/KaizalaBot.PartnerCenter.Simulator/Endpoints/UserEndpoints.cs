using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Behaviour;
using KaizalaBot.PartnerCenter.Simulator.Catalog;
using KaizalaBot.PartnerCenter.Simulator.State;
using KaizalaBot.PartnerCenter.Simulator.Wire;

namespace KaizalaBot.PartnerCenter.Simulator.Endpoints;

/// <summary>Users, their licences, the tenant's subscribed SKUs and licence updates; all App+User only (reference §1.2, §6).</summary>
internal static class UserEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/customers/{customerId}/users", List).WithMetadata(new SimEndpointMetadata("users.list", true));
        v1.MapGet("/customers/{customerId}/users/{userId}", Get).WithMetadata(new SimEndpointMetadata("users.get", true));
        v1.MapGet("/customers/{customerId}/users/{userId}/licenses", Licenses).WithMetadata(new SimEndpointMetadata("users.licenses", true));
        v1.MapPost("/customers/{customerId}/users/{userId}/licenseupdates", UpdateLicensesAsync).WithMetadata(new SimEndpointMetadata("users.licenseupdates", true));
        v1.MapGet("/customers/{customerId}/subscribedskus", SubscribedSkus).WithMetadata(new SimEndpointMetadata("subscribedskus.list", true));
    }

    private static SimResponse List(string customerId, HttpRequest request, SimulatorWorld world) =>
        world.Read(customerId, (customer, tenant) =>
        {
            var users = tenant.Users.Values.OrderBy(u => u.UserPrincipalName, StringComparer.OrdinalIgnoreCase).ToList();
            var filter = request.Query["filter"].ToString();
            if (filter.Length > 0 && !MatchesActiveUsers(JsonInput.ParseObject(filter)))
            {
                users = [];
            }

            return SimResponse.Ok(SeekPaging.Page(users, request, world.Options.DefaultPageSize, $"/customers/{customer.Id}/users",
                u => LicenseWire.User(customer.Id, u)));
        });

    private static SimResponse Get(string customerId, string userId, SimulatorWorld world) =>
        world.Read(customerId, (customer, tenant) => SimResponse.Ok(LicenseWire.User(customer.Id, FindUser(tenant, userId))));

    private static SimResponse Licenses(string customerId, string userId, HttpRequest request, SimulatorWorld world) =>
        world.Read(customerId, (customer, tenant) =>
        {
            var user = FindUser(tenant, userId);
            var items = OnlyGroup2(request)
                ? []
                : user.AssignedSkuIds.Select(PlanCatalog.FindBySkuId).OfType<CatalogPlan>().Select(p => (JsonNode)LicenseWire.License(p)).ToList();
            return SimResponse.Ok(WireJson.Collection(items, $"/customers/{customer.Id}/users/{user.Id}/licenses"));
        });

    private static SimResponse SubscribedSkus(string customerId, HttpRequest request, SimulatorWorld world) =>
        world.Read(customerId, (customer, tenant) =>
        {
            var items = OnlyGroup2(request)
                ? []
                : LicensePool.For(tenant).Select(p => (JsonNode)LicenseWire.SubscribedSku(p.Plan, p.ActiveUnits, p.SuspendedUnits, p.ConsumedUnits)).ToList();
            return SimResponse.Ok(WireJson.Collection(items, $"/customers/{customer.Id}/subscribedskus"));
        });

    private static async Task<SimResponse> UpdateLicensesAsync(
        string customerId, string userId, HttpRequest request, SimulatorWorld world, CancellationToken cancellationToken)
    {
        var body = await JsonInput.ReadObjectAsync(request, cancellationToken);
        var toAssign = (JsonInput.Array(body, "licensesToAssign") ?? [])
            .Select(a => a as JsonObject ?? throw PartnerCenterFaultException.BadInput("'licensesToAssign' must be an array of objects."))
            .Select(a => (SkuId: JsonInput.String(a, "skuId") ?? "", Excluded: JsonInput.Strings(a, "excludedPlans")))
            .ToList();
        var toRemove = JsonInput.Strings(body, "licensesToRemove");
        if (toAssign.Count == 0 && toRemove.Count == 0)
        {
            throw PartnerCenterFaultException.BadInput("The licence update must contain licensesToAssign or licensesToRemove.");
        }

        var conflicts = world.Options.ServicePlanConflicts.Select(c => (c.First, c.Second)).ToList();
        return world.Mutate(customerId, (_, tenant, _) =>
        {
            var user = FindUser(tenant, userId);
            var held = user.AssignedSkuIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var skuId in toRemove)
            {
                if (!held.Remove(skuId))
                {
                    throw PartnerCenterFaultException.BadInput($"User {user.Id} does not have a license for SKU {skuId} to remove.");
                }
            }

            foreach (var (skuId, _) in toAssign)
            {
                var plan = PlanCatalog.FindBySkuId(skuId) ?? throw PartnerCenterFaultException.BadInput($"SKU {skuId} is not a known license.");
                if (user.UsageLocation is null)
                {
                    // Error code not documented (reference §11): 800002 "invalid request input" with Entra's wording.
                    throw new PartnerCenterFaultException(400, 800002,
                        $"License assignment cannot be done for user {user.UserPrincipalName} with invalid usage location.", "UsageLocationMissing");
                }

                if (held.Contains(plan.SkuId))
                {
                    continue;
                }

                if (LicensePool.ForSku(tenant, plan).AvailableUnits <= 0)
                {
                    throw new PartnerCenterFaultException(400, 60012,
                        "We're sorry, it looks like you've run out of licenses. Buy more licenses, and then try again.",
                        $"LicenseQuotaExceededException : Subscription with Account {tenant.CustomerId} and SKU {plan.SkuId} does not have any available licenses left.");
                }

                held.Add(plan.SkuId);
            }

            CheckConflicts(held, toAssign.SelectMany(a => a.Excluded).ToHashSet(StringComparer.OrdinalIgnoreCase), conflicts);
            tenant.Users[user.Id] = user with { AssignedSkuIds = [.. held] };
            var response = new JsonObject
            {
                ["licensesToAssign"] = new JsonArray([.. toAssign.Select(a => (JsonNode)new JsonObject { ["skuId"] = a.SkuId })]),
                ["licenseWarnings"] = new JsonArray(),
                ["attributes"] = WireJson.Attributes("LicenseUpdate"),
            };
            return SimResponse.Created(response);
        });
    }

    /// <summary>Configurable MutuallyExclusiveViolation between service plans (reference §6.5).</summary>
    private static void CheckConflicts(HashSet<string> skuIds, HashSet<string> excludedPlans, List<(string First, string Second)> conflicts)
    {
        var plans = skuIds.Select(PlanCatalog.FindBySkuId).OfType<CatalogPlan>()
            .SelectMany(p => p.ServicePlans.Select(sp => (Sku: p, Plan: sp.Id)))
            .Where(x => !excludedPlans.Contains(x.Plan))
            .ToList();
        foreach (var (first, second) in conflicts)
        {
            var a = plans.FirstOrDefault(x => string.Equals(x.Plan, first, StringComparison.OrdinalIgnoreCase));
            var b = plans.FirstOrDefault(x => string.Equals(x.Plan, second, StringComparison.OrdinalIgnoreCase));
            if (a.Sku is not null && b.Sku is not null)
            {
                throw new PartnerCenterFaultException(400, 800002,
                    $"MutuallyExclusiveViolation: service plan {first} of {a.Sku.SkuPartNumber} conflicts with service plan {second} of {b.Sku.SkuPartNumber}. Remove one licence first.",
                    "MutuallyExclusiveViolation");
            }
        }
    }

    /// <summary>The documented user filter is on UserState (reference §6.1); every simulated user is active.</summary>
    private static bool MatchesActiveUsers(JsonObject filter)
    {
        var field = JsonInput.String(filter, "Field");
        var value = JsonInput.String(filter, "Value");
        if (!string.Equals(field, "UserState", StringComparison.OrdinalIgnoreCase)
            || !string.Equals(JsonInput.String(filter, "Operator"), "equals", StringComparison.OrdinalIgnoreCase))
        {
            throw PartnerCenterFaultException.BadInput("Users can only be filtered with {\"Field\":\"UserState\",\"Operator\":\"equals\"}.");
        }

        return string.Equals(value, "Active", StringComparison.OrdinalIgnoreCase);
    }

    private static bool OnlyGroup2(HttpRequest request)
    {
        var groups = request.Query["licenseGroupIds"].ToString();
        return groups.Length > 0 && !groups.Contains("group1", StringComparison.OrdinalIgnoreCase);
    }

    private static UserRecord FindUser(TenantState tenant, string userId) =>
        tenant.Users.TryGetValue(userId, out var user)
            ? user
            : throw PartnerCenterFaultException.NotFound(60002, $"User object id {userId} was not found.");
}
