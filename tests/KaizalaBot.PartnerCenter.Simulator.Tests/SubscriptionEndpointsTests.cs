using System.Net;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

public sealed class SubscriptionEndpointsTests
{
    private const string KaizalaSkuId = "5eed0000-0000-4000-8000-00000000ca1a";

    [Fact]
    public async Task List_KaizalaCustomer_ReturnsLegacyKaizalaSubscriptionWithAutoRenewOff()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();

        var (customerId, kaizala) = await DemoWorld.ActiveKaizalaAsync(host, token);

        Assert.Equal("Subscription", kaizala["attributes"]!["objectType"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(kaizala["attributes"]!["etag"]!.GetValue<string>()));
        Assert.False(kaizala["autoRenewEnabled"]!.GetValue<bool>());
        Assert.Equal("Licenses", kaizala["unitType"]!.GetValue<string>());
        Assert.Equal("license", kaizala["billingType"]!.GetValue<string>());
        Assert.Contains("-", kaizala["offerId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(kaizala["productType"]);
        Assert.True(kaizala["quantity"]!.GetValue<int>() > 0);
        Assert.EndsWith("Z", kaizala["commitmentEndDate"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal($"/customers/{customerId}/subscriptions/{kaizala["id"]}", kaizala["links"]!["self"]!["uri"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_UnknownSubscription_Returns404With20003()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var customerId = (await DemoWorld.KaizalaCustomerIdsAsync(host))[0];

        using var response = await host.SendAsync(HttpMethod.Get, $"v1/customers/{customerId}/subscriptions/{Guid.NewGuid()}", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(20003, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Patch_SuspendWithPascalCaseBody_MovesUnitsToSuspendedAndDeprovisionsAfter120Days()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, kaizala) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var subscriptionId = kaizala["id"]!.GetValue<string>();
        var quantity = kaizala["quantity"]!.GetValue<int>();
        // The SDK sends a near-empty PascalCase Subscription with its defaults (reference §3.4).
        var body = new JsonObject { ["Status"] = "suspended", ["Quantity"] = 0, ["AutoRenewEnabled"] = false, ["FriendlyName"] = null };

        using var response = await host.SendAsync(HttpMethod.Patch, $"v1/customers/{customerId}/subscriptions/{subscriptionId}", token, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("suspended", (await SimulatorHost.ReadJsonAsync(response))["status"]!.GetValue<string>());
        var pool = await DemoWorld.SubscribedSkuAsync(host, token, customerId, KaizalaSkuId);
        Assert.Equal(quantity, pool!["suspendedUnits"]!.GetValue<int>());
        Assert.Equal(0, pool["activeUnits"]!.GetValue<int>());
        Assert.Equal(0, pool["availableUnits"]!.GetValue<int>());
        host.Time.Advance(TimeSpan.FromDays(119));
        token = await host.GetUserTokenAsync();
        Assert.Equal("suspended", (await host.GetJsonAsync($"v1/customers/{customerId}/subscriptions/{subscriptionId}", token))["status"]!.GetValue<string>());
        host.Time.Advance(TimeSpan.FromDays(1));
        token = await host.GetUserTokenAsync();
        Assert.Equal("deleted", (await host.GetJsonAsync($"v1/customers/{customerId}/subscriptions/{subscriptionId}", token))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_SuspendedSubscriptionFriendlyName_Returns800091AndChangesNothing()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var (customerId, kaizala) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var path = $"v1/customers/{customerId}/subscriptions/{kaizala["id"]}";
        using var suspend = await host.SendAsync(HttpMethod.Patch, path, token, new JsonObject { ["status"] = "suspended" });
        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);

        using var response = await host.SendAsync(HttpMethod.Patch, path, token, new JsonObject { ["friendlyName"] = "renamed" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(800091, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
        Assert.Equal("Kaizala Pro", (await host.GetJsonAsync(path, token))["friendlyName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_ReactivateSuspendedSubscription_ReturnsActive()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var (customerId, kaizala) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var path = $"v1/customers/{customerId}/subscriptions/{kaizala["id"]}";
        using var suspend = await host.SendAsync(HttpMethod.Patch, path, token, new JsonObject { ["status"] = "suspended" });

        using var response = await host.SendAsync(HttpMethod.Patch, path, token, new JsonObject { ["status"] = "active" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("active", (await SimulatorHost.ReadJsonAsync(response))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_StaleIfMatch_Returns2055()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var (customerId, kaizala) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var path = $"v1/customers/{customerId}/subscriptions/{kaizala["id"]}";
        var etag = kaizala["attributes"]!["etag"]!.GetValue<string>();
        using var rename = await host.SendAsync(HttpMethod.Patch, path, token, new JsonObject { ["friendlyName"] = "Kaizala (renamed)" },
            new Dictionary<string, string> { ["If-Match"] = etag });
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);

        using var response = await host.SendAsync(HttpMethod.Patch, path, token, new JsonObject { ["status"] = "suspended" },
            new Dictionary<string, string> { ["If-Match"] = etag });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(2055, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Patch_QuantityChangeWhileSuspending_Returns2001()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var (customerId, kaizala) = await DemoWorld.ActiveKaizalaAsync(host, token);

        using var response = await host.SendAsync(HttpMethod.Patch, $"v1/customers/{customerId}/subscriptions/{kaizala["id"]}", token,
            new JsonObject { ["status"] = "suspended", ["quantity"] = kaizala["quantity"]!.GetValue<int>() + 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(2001, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Get_ActiveKaizalaPastCommitmentEnd_BecomesExpired()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var (customerId, kaizala) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var end = DateTimeOffset.Parse(kaizala["commitmentEndDate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        host.Time.Advance(end - host.Time.GetUtcNow() + TimeSpan.FromDays(1));
        token = await host.GetAppTokenAsync();

        var subscription = await host.GetJsonAsync($"v1/customers/{customerId}/subscriptions/{kaizala["id"]}", token);

        Assert.Equal("expired", subscription["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProvisioningStatus_AppOnlyToken_Returns403()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var (customerId, kaizala) = await DemoWorld.ActiveKaizalaAsync(host, token);

        using var response = await host.SendAsync(HttpMethod.Get, $"v1/customers/{customerId}/subscriptions/{kaizala["id"]}/provisioningstatus", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(2032, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }
}
