using System.Net;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

public sealed class CartEndpointsTests
{
    [Fact]
    public async Task Create_ValidLine_Returns201ActiveCartWithPricingAndExpiry()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);

        using var response = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts", token,
            DemoWorld.CartBody(DemoWorld.BusinessBasicCatalogItemId, 25, "BB migration"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var cart = await SimulatorHost.ReadJsonAsync(response);
        Assert.Equal("Active", cart["status"]!.GetValue<string>());
        Assert.Equal("Cart", cart["attributes"]!["objectType"]!.GetValue<string>());
        Assert.Equal(SimulatorDemoDirectory.AdminAgentObjectId, cart["lastModifiedUser"]!.GetValue<string>());
        var created = DateTimeOffset.Parse(cart["creationTimestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var expires = DateTimeOffset.Parse(cart["expirationTimestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromDays(7), expires - created);
        var line = cart["lineItems"]![0]!;
        Assert.Equal(25, line["quantity"]!.GetValue<int>());
        Assert.Equal("0", line["orderGroup"]!.GetValue<string>());
        Assert.NotNull(line["pricing"]!["listPrice"]);
        Assert.Null(line["error"]);
    }

    [Fact]
    public async Task Create_UnknownCatalogItem_Returns201WithLineErrorAndCheckoutRefuses800009()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);

        using var response = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts", token,
            DemoWorld.CartBody("CFQ7TTC0LH18:0001:OLDAVAILABIL", 5, "stale availability"));
        var cart = await SimulatorHost.ReadJsonAsync(response);
        using var checkout = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts/{cart["id"]}/checkout", token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("catalog_item_id_is_not_valid", cart["lineItems"]![0]!["error"]!["errorCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, checkout.StatusCode);
        Assert.Equal(800009, (await SimulatorHost.ReadJsonAsync(checkout))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_MissingBillingCycle_Returns400800002()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var body = new JsonObject { ["LineItems"] = new JsonArray(new JsonObject { ["CatalogItemId"] = DemoWorld.BusinessBasicCatalogItemId, ["Quantity"] = 3 }) };

        using var response = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts", token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(800002, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Checkout_Twice_SecondReturns800065()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var cartId = await DemoWorld.CreateCartAsync(host, token, customerId, 10);
        using var first = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts/{cartId}/checkout", token);

        using var second = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts/{cartId}/checkout", token);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(800065, (await SimulatorHost.ReadJsonAsync(second))["code"]!.GetValue<int>());
        Assert.Equal("Ordered", (await host.GetJsonAsync($"v1/customers/{customerId}/carts/{cartId}", token))["status"]!.GetValue<string>());
        Assert.Single((await host.GetJsonAsync($"v1/customers/{customerId}/orders", token))["items"]!.AsArray());
    }

    [Fact]
    public async Task Checkout_WhileAnotherCheckoutIsProcessing_Returns409800064()
    {
        await using var host = await SimulatorHost.StartAsync(new Dictionary<string, string?>
        {
            ["PartnerCenterSimulator:CheckoutProcessingTime"] = "00:00:10",
        });
        var token = await host.GetUserTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var cartId = await DemoWorld.CreateCartAsync(host, token, customerId, 10);
        var firstTask = host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts/{cartId}/checkout", token);
        await Task.WhenAny(firstTask, host.Time.WaitForTimersAsync(1));
        Assert.False(firstTask.IsCompleted, "The first checkout finished before it started processing.");

        using var second = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts/{cartId}/checkout", token);
        host.Time.Advance(TimeSpan.FromSeconds(10));
        using var first = await firstTask;

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(800064, (await SimulatorHost.ReadJsonAsync(second))["code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
    }

    [Fact]
    public async Task Get_ExpiredActiveCart_Returns404800008()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var cartId = await DemoWorld.CreateCartAsync(host, token, customerId, 10);
        host.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        token = await host.GetUserTokenAsync();

        using var response = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts/{cartId}/checkout", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(800008, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Put_ActiveCart_ReplacesLineItems()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var cartId = await DemoWorld.CreateCartAsync(host, token, customerId, 10);

        using var response = await host.SendAsync(HttpMethod.Put, $"v1/customers/{customerId}/carts/{cartId}", token,
            DemoWorld.CartBody(DemoWorld.BusinessBasicCatalogItemId, 42, "BB bigger"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(42, (await host.GetJsonAsync($"v1/customers/{customerId}/carts/{cartId}", token))["lineItems"]![0]!["quantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task Put_OrderedCart_Returns800065()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var cartId = await DemoWorld.CreateCartAsync(host, token, customerId, 10);
        using var checkout = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts/{cartId}/checkout", token);

        using var response = await host.SendAsync(HttpMethod.Put, $"v1/customers/{customerId}/carts/{cartId}", token,
            DemoWorld.CartBody(DemoWorld.BusinessBasicCatalogItemId, 99, "too late"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(800065, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_EducationPlanForCommercialCustomer_ReturnsLineError()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var availabilities = await host.GetJsonAsync("v1/products/SIMEDU0M365A1/skus/0001/availabilities?country=US", token);
        var a1 = availabilities["items"]![0]!["catalogItemId"]!.GetValue<string>();

        using var response = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts", token, DemoWorld.CartBody(a1, 5, "A1"));

        Assert.Equal("catalog_item_id_is_not_valid", (await SimulatorHost.ReadJsonAsync(response))["lineItems"]![0]!["error"]!["errorCode"]!.GetValue<string>());
    }
}
