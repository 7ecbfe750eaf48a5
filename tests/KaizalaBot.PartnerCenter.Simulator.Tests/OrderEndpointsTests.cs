using System.Net;
using KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

public sealed class OrderEndpointsTests
{
    [Fact]
    public async Task Checkout_BeforeAndAfterProvisioningDelay_SubscriptionIdAndLicencesAppearOnlyWhenCompleted()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var cartId = await DemoWorld.CreateCartAsync(host, token, customerId, 30);
        var availableBefore = (await DemoWorld.SubscribedSkuAsync(host, token, customerId, DemoWorld.BusinessBasicSkuId))?["availableUnits"]!.GetValue<int>() ?? 0;

        using var checkout = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts/{cartId}/checkout", token);

        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        var result = await SimulatorHost.ReadJsonAsync(checkout);
        var order = result["orders"]![0]!;
        var orderId = order["id"]!.GetValue<string>();
        Assert.Null(order["lineItems"]![0]!["subscriptionId"]);
        Assert.Equal("pending", order["status"]!.GetValue<string>());
        Assert.Equal(12, orderId.Length);
        Assert.Empty(result["orderErrors"]!.AsArray());
        Assert.Empty((await host.GetJsonAsync($"v1/customers/{customerId}/subscriptions?order_id={orderId}", token))["items"]!.AsArray());
        Assert.Equal(availableBefore, (await DemoWorld.SubscribedSkuAsync(host, token, customerId, DemoWorld.BusinessBasicSkuId))?["availableUnits"]!.GetValue<int>() ?? 0);
        var pendingStatus = await host.GetJsonAsync($"v1/customers/{customerId}/orders/{orderId}/provisioningstatus", token);
        Assert.Equal("PrefulfillmentPending", pendingStatus["items"]![0]!["status"]!.GetValue<string>());

        host.Time.Advance(TimeSpan.FromMinutes(5));

        var completed = await host.GetJsonAsync($"v1/customers/{customerId}/orders/{orderId}", token);
        Assert.Equal("completed", completed["status"]!.GetValue<string>());
        var subscriptionId = completed["lineItems"]![0]!["subscriptionId"]!.GetValue<string>();
        var created = (await host.GetJsonAsync($"v1/customers/{customerId}/subscriptions?order_id={orderId}", token))["items"]!.AsArray();
        var subscription = Assert.Single(created);
        Assert.Equal(subscriptionId, subscription!["id"]!.GetValue<string>());
        Assert.Equal("active", subscription["status"]!.GetValue<string>());
        Assert.Equal("OnlineServicesNCE", subscription["productType"]!["id"]!.GetValue<string>());
        Assert.Equal("M365 BB (Kaizala migration #1)", subscription["friendlyName"]!.GetValue<string>());
        var pool = await DemoWorld.SubscribedSkuAsync(host, token, customerId, DemoWorld.BusinessBasicSkuId);
        Assert.Equal(availableBefore + 30, pool!["availableUnits"]!.GetValue<int>());
        var fulfilled = await host.GetJsonAsync($"v1/customers/{customerId}/orders/{orderId}/provisioningstatus", token);
        Assert.Equal("Fulfilled", fulfilled["items"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Checkout_WithCustomerUserUpnHeader_AssignsLicenceToThatUserOnCompletion()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var user = (await DemoWorld.UsersAsync(host, token, customerId)).First(u => u["usageLocation"] is not null);
        var cartId = await DemoWorld.CreateCartAsync(host, token, customerId, 5);

        using var checkout = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts/{cartId}/checkout", token,
            headers: new Dictionary<string, string> { ["x-ms-customeruser-upn"] = user["userPrincipalName"]!.GetValue<string>() });
        host.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        Assert.Contains(DemoWorld.BusinessBasicSkuId, await DemoWorld.LicenseSkuIdsAsync(host, token, customerId, user["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Get_UnknownOrder_Returns404With20000()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);

        using var response = await host.SendAsync(HttpMethod.Get, $"v1/customers/{customerId}/orders/0123456789ab", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(20000, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task ProvisioningStatus_AppOnlyToken_Returns403()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var cartId = await DemoWorld.CreateCartAsync(host, token, customerId, 5);
        using var checkout = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts/{cartId}/checkout", token);
        var orderId = (await SimulatorHost.ReadJsonAsync(checkout))["orders"]![0]!["id"]!.GetValue<string>();

        using var response = await host.SendAsync(HttpMethod.Get, $"v1/customers/{customerId}/orders/{orderId}/provisioningstatus", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(2032, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }
}
