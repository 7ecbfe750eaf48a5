using System.Net;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

public sealed class PartnerCenterSimulatorExtensionsTests
{
    [Fact]
    public async Task AddPartnerCenterSimulator_InvalidConfiguration_FailsAtStartNamingTheKey()
    {
        var settings = new Dictionary<string, string?> { ["PartnerCenterSimulator:CustomerCount"] = "0" };

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => SimulatorHost.StartAsync(settings));

        Assert.Contains("PartnerCenterSimulator:CustomerCount", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapPartnerCenterSimulator_UnderPrefix_ServesTokenAndV1BesideEachOther()
    {
        await using var host = await SimulatorHost.StartAsync();

        var token = await host.GetUserTokenAsync();
        var page = await host.GetJsonAsync("v1/customers?size=1", token);

        Assert.EndsWith("/_pcsim/", host.Root.AbsoluteUri, StringComparison.Ordinal);
        Assert.Single(page["items"]!.AsArray());
    }

    [Fact]
    public async Task MapPartnerCenterSimulator_KaizalaMigrationStepsAToC_LeavesKaizalaSuspendedAndUsersOnTheNewPlan()
    {
        const string KaizalaSkuId = "5eed0000-0000-4000-8000-00000000ca1a";

        // Office 365 E3: a Business plan would refuse a tenant with more than 300 holders.
        const string E3CatalogItemId = "CFQ7TTC0LF8R:0001:CFQ7TTC0KCSV";
        const string E3SkuId = "6fd2c87f-b296-42f0-b197-1e91e994b900";
        await using var host = await SimulatorHost.StartAsync(new Dictionary<string, string?> { ["PartnerCenterSimulator:RequestsPerMinute"] = "0" });
        var token = await host.GetUserTokenAsync();
        var (customerId, kaizala) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var holders = new List<string>();
        foreach (var user in await DemoWorld.UsersAsync(host, token, customerId))
        {
            var userId = user["id"]!.GetValue<string>();
            if (user["usageLocation"] is not null && (await DemoWorld.LicenseSkuIdsAsync(host, token, customerId, userId)).Contains(KaizalaSkuId))
            {
                holders.Add(userId);
            }
        }

        // A: buy, then wait for provisioning.
        using var cart = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts", token,
            DemoWorld.CartBody(E3CatalogItemId, holders.Count, "O365 E3 (Kaizala migration #1)"));
        var cartId = (await SimulatorHost.ReadJsonAsync(cart))["id"]!.GetValue<string>();
        using var checkout = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts/{cartId}/checkout", token);
        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        host.Time.Advance(TimeSpan.FromMinutes(5));
        // B: swap every holder in one call each.
        foreach (var userId in holders)
        {
            using var swap = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/users/{userId}/licenseupdates", token, new JsonObject
            {
                ["licensesToAssign"] = new JsonArray(new JsonObject { ["skuId"] = E3SkuId }),
                ["licensesToRemove"] = new JsonArray(KaizalaSkuId),
            });
            Assert.Equal(HttpStatusCode.Created, swap.StatusCode);
        }

        // C: suspend Kaizala Pro.
        using var suspend = await host.SendAsync(HttpMethod.Patch, $"v1/customers/{customerId}/subscriptions/{kaizala["id"]}", token,
            new JsonObject { ["status"] = "suspended" });

        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        var kaizalaPool = await DemoWorld.SubscribedSkuAsync(host, token, customerId, KaizalaSkuId);
        Assert.Equal(kaizala["quantity"]!.GetValue<int>(), kaizalaPool!["suspendedUnits"]!.GetValue<int>());
        Assert.NotEmpty(holders);
        foreach (var userId in holders)
        {
            var skus = await DemoWorld.LicenseSkuIdsAsync(host, token, customerId, userId);
            Assert.Contains(E3SkuId, skus);
            Assert.DoesNotContain(KaizalaSkuId, skus);
        }
    }
}
