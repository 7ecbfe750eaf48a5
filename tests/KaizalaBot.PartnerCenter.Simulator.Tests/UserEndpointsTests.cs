using System.Net;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

public sealed class UserEndpointsTests
{
    private const string KaizalaSkuId = "5eed0000-0000-4000-8000-00000000ca1a";
    private const string KaizalaProPlanId = "5eed0000-0000-4000-8000-00000000c001";
    private const string TeamsPlanId = "57ff2da0-773e-42df-b2af-ffb7a2317929";
    private const string BusinessBasicSkuId = "3b555118-da6a-4418-894f-7df1e2096870";

    private static JsonObject Swap(string assign, string? remove) => new()
    {
        ["LicensesToAssign"] = new JsonArray(new JsonObject { ["SkuId"] = assign, ["ExcludedPlans"] = null }),
        ["LicensesToRemove"] = remove is null ? new JsonArray() : new JsonArray(remove),
    };

    /// <summary>A Kaizala holder with a usage location, and a SKU of the same tenant that still has free units.</summary>
    private static async Task<(string CustomerId, JsonObject User, string FreeSkuId)> HolderAndFreeSkuAsync(SimulatorHost host, string token)
    {
        foreach (var customerId in await DemoWorld.KaizalaCustomerIdsAsync(host))
        {
            var skus = await host.GetJsonAsync($"v1/customers/{customerId}/subscribedskus", token);
            var free = skus["items"]!.AsArray().Select(s => s!.AsObject())
                .FirstOrDefault(s => s["availableUnits"]!.GetValue<int>() > 0 && s["productSku"]!["id"]!.GetValue<string>() != KaizalaSkuId);
            if (free is null)
            {
                continue;
            }

            foreach (var user in await DemoWorld.UsersAsync(host, token, customerId))
            {
                var userId = user["id"]!.GetValue<string>();
                if (user["usageLocation"] is not null && (await DemoWorld.LicenseSkuIdsAsync(host, token, customerId, userId)).Contains(KaizalaSkuId))
                {
                    return (customerId, user, free["productSku"]!["id"]!.GetValue<string>());
                }
            }
        }

        throw new InvalidOperationException("No Kaizala customer with spare licences of another SKU.");
    }

    [Fact]
    public async Task List_AppOnlyToken_Returns403()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var customerId = (await DemoWorld.KaizalaCustomerIdsAsync(host))[0];

        using var response = await host.SendAsync(HttpMethod.Get, $"v1/customers/{customerId}/users", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(2032, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_LargeTenantPagedBy500_ReturnsAll1500UsersAcrossThreePages()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var customerId = (await DemoWorld.CustomersAsync(host))[2]["id"]!.GetValue<string>();
        var ids = new HashSet<string>();
        string? next = $"v1/customers/{customerId}/users?size=500";
        string? continuation = null;

        while (next is not null)
        {
            var headers = continuation is null ? null : new Dictionary<string, string> { ["MS-ContinuationToken"] = continuation };
            using var response = await host.SendAsync(HttpMethod.Get, next, token, headers: headers);
            var page = await SimulatorHost.ReadJsonAsync(response);
            foreach (var user in page["items"]!.AsArray())
            {
                Assert.Equal("CustomerUser", user!["attributes"]!["objectType"]!.GetValue<string>());
                ids.Add(user["id"]!.GetValue<string>());
            }

            next = page["links"]!["next"] is { } link ? "v1" + link["uri"]!.GetValue<string>() : null;
            continuation = page["links"]!["next"]?["headers"]![0]!["value"]!.GetValue<string>();
        }

        Assert.Equal(1500, ids.Count);
    }

    [Fact]
    public async Task List_InactiveUserStateFilter_ReturnsNoDeletedUsers()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var customerId = (await DemoWorld.KaizalaCustomerIdsAsync(host))[0];
        var filter = Uri.EscapeDataString("{\"Field\":\"UserState\",\"Value\":\"Inactive\",\"Operator\":\"equals\"}");

        var page = await host.GetJsonAsync($"v1/customers/{customerId}/users?filter={filter}", token);

        Assert.Empty(page["items"]!.AsArray());
        Assert.Equal(0, page["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Get_UnknownUser_Returns404With60002()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var customerId = (await DemoWorld.KaizalaCustomerIdsAsync(host))[0];

        using var response = await host.SendAsync(HttpMethod.Get, $"v1/customers/{customerId}/users/{Guid.NewGuid()}", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(60002, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task UpdateLicenses_SwapKaizalaForSkuWithFreeUnits_Returns201AndMovesTheLicence()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, user, freeSku) = await HolderAndFreeSkuAsync(host, token);
        var userId = user["id"]!.GetValue<string>();
        var before = await DemoWorld.SubscribedSkuAsync(host, token, customerId, freeSku);

        using var response = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/users/{userId}/licenseupdates", token, Swap(freeSku, KaizalaSkuId));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("LicenseUpdate", (await SimulatorHost.ReadJsonAsync(response))["attributes"]!["objectType"]!.GetValue<string>());
        var skus = await DemoWorld.LicenseSkuIdsAsync(host, token, customerId, userId);
        Assert.Contains(freeSku, skus);
        Assert.DoesNotContain(KaizalaSkuId, skus);
        var after = await DemoWorld.SubscribedSkuAsync(host, token, customerId, freeSku);
        Assert.Equal(before!["consumedUnits"]!.GetValue<int>() + 1, after!["consumedUnits"]!.GetValue<int>());
    }

    [Fact]
    public async Task UpdateLicenses_SkuWithoutFreeUnits_Returns60012AndChangesNothing()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, user, _) = await HolderAndFreeSkuAsync(host, token);
        var userId = user["id"]!.GetValue<string>();

        using var response = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/users/{userId}/licenseupdates", token,
            Swap("c7df2760-2c81-4ef7-b578-5b5392b571df", KaizalaSkuId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fault = await SimulatorHost.ReadJsonAsync(response);
        Assert.Equal(60012, fault["code"]!.GetValue<int>());
        Assert.StartsWith("LicenseQuotaExceededException", fault["data"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(KaizalaSkuId, await DemoWorld.LicenseSkuIdsAsync(host, token, customerId, userId));
    }

    [Fact]
    public async Task UpdateLicenses_UserWithoutUsageLocation_Returns400AndChangesNothing()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, _, freeSku) = await HolderAndFreeSkuAsync(host, token);
        var unlocated = (await DemoWorld.UsersAsync(host, token, customerId)).First(u => u["usageLocation"] is null);
        var userId = unlocated["id"]!.GetValue<string>();
        var before = await DemoWorld.LicenseSkuIdsAsync(host, token, customerId, userId);

        using var response = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/users/{userId}/licenseupdates", token, Swap(freeSku, null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fault = await SimulatorHost.ReadJsonAsync(response);
        Assert.Equal(800002, fault["code"]!.GetValue<int>());
        Assert.Contains("usage location", fault["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await DemoWorld.LicenseSkuIdsAsync(host, token, customerId, userId));
    }

    [Fact]
    public async Task UpdateLicenses_ConfiguredServicePlanConflict_Returns400MutuallyExclusiveViolation()
    {
        await using var host = await SimulatorHost.StartAsync(new Dictionary<string, string?>
        {
            ["PartnerCenterSimulator:ServicePlanConflicts:0:First"] = KaizalaProPlanId,
            ["PartnerCenterSimulator:ServicePlanConflicts:0:Second"] = TeamsPlanId,
        });
        var token = await host.GetUserTokenAsync();
        var (customerId, user, freeSku) = await HolderAndFreeSkuAsync(host, token);
        var userId = user["id"]!.GetValue<string>();

        using var keepKaizala = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/users/{userId}/licenseupdates", token, Swap(freeSku, null));
        using var swap = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/users/{userId}/licenseupdates", token, Swap(freeSku, KaizalaSkuId));

        Assert.Equal(HttpStatusCode.BadRequest, keepKaizala.StatusCode);
        Assert.Contains("MutuallyExclusiveViolation", (await SimulatorHost.ReadJsonAsync(keepKaizala))["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, swap.StatusCode);
    }

    [Fact]
    public async Task SubscribedSkus_KaizalaCustomer_ReportsUnitsConsistently()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, kaizala) = await DemoWorld.ActiveKaizalaAsync(host, token);

        var pool = await DemoWorld.SubscribedSkuAsync(host, token, customerId, KaizalaSkuId);

        Assert.Equal("SubscribedSku", pool!["attributes"]!["objectType"]!.GetValue<string>());
        Assert.Equal("KAIZALA_PRO", pool["productSku"]!["skuPartNumber"]!.GetValue<string>());
        Assert.Equal(kaizala["quantity"]!.GetValue<int>(), pool["totalUnits"]!.GetValue<int>());
        Assert.Equal(pool["totalUnits"]!.GetValue<int>() - pool["consumedUnits"]!.GetValue<int>(), pool["availableUnits"]!.GetValue<int>());
        Assert.True(pool["consumedUnits"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task SubscribedSkus_BusinessBasicNotOwned_IsAbsentUntilBought()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);

        var skus = await host.GetJsonAsync($"v1/customers/{customerId}/subscribedskus?licenseGroupIds=Group1", token);

        Assert.All(skus["items"]!.AsArray(), s => Assert.NotEqual("c7df2760-2c81-4ef7-b578-5b5392b571df", s!["productSku"]!["id"]!.GetValue<string>()));
        Assert.NotEmpty(skus["items"]!.AsArray());
        Assert.NotEqual(BusinessBasicSkuId, KaizalaSkuId);
    }

    [Theory]
    [InlineData("GET", "users/{user}")]
    [InlineData("GET", "users/{user}/licenses")]
    [InlineData("POST", "users/{user}/licenseupdates")]
    [InlineData("GET", "subscribedskus")]
    public async Task UserAndLicenceEndpoints_AppOnlyToken_Return403AndChangeNothing(string method, string relative)
    {
        await using var host = await SimulatorHost.StartAsync();
        var userToken = await host.GetUserTokenAsync();
        var appToken = await host.GetAppTokenAsync();
        var (customerId, user, freeSku) = await HolderAndFreeSkuAsync(host, userToken);
        var userId = user["id"]!.GetValue<string>();
        var path = $"v1/customers/{customerId}/" + relative.Replace("{user}", userId, StringComparison.Ordinal);

        using var response = await host.SendAsync(new HttpMethod(method), path, appToken, method == "POST" ? Swap(freeSku, KaizalaSkuId) : null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(2032, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
        Assert.Contains(KaizalaSkuId, await DemoWorld.LicenseSkuIdsAsync(host, userToken, customerId, userId));
    }
}
