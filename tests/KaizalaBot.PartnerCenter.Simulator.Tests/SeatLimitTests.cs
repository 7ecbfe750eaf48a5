using System.Net;
using KaizalaBot.PartnerCenter.Simulator.Seeding;
using KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

// Microsoft 365 Business plans sell 1 to 300 seats per subscription (reference §4.2, §7).
public sealed class SeatLimitTests
{
    private const string E3CatalogItemId = "CFQ7TTC0LF8R:0001:CFQ7TTC0KCSV";

    private static async Task<(HttpStatusCode Status, string? LineError, int LineQuantity, string CartId)> CreateAsync(
        SimulatorHost host, string token, string customerId, string catalogItemId, int quantity)
    {
        using var response = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts", token, DemoWorld.CartBody(catalogItemId, quantity, "seat limit"));
        var cart = await SimulatorHost.ReadJsonAsync(response);
        var line = cart["lineItems"]![0]!;
        return (response.StatusCode, line["error"]?["errorCode"]?.GetValue<string>(), line["quantity"]!.GetValue<int>(), cart["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cart_BusinessLineOf301_CarriesSeatLimitErrorAndCheckoutIs403800067()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);

        var (status, lineError, _, cartId) = await CreateAsync(host, token, customerId, DemoWorld.BusinessBasicCatalogItemId, 301);
        using var checkout = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts/{cartId}/checkout", token);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("max_allowed_seats_per_subscription_exceeded", lineError);
        Assert.Equal(HttpStatusCode.Forbidden, checkout.StatusCode);
        Assert.Equal(800067, (await SimulatorHost.ReadJsonAsync(checkout))["code"]!.GetValue<int>());
        var orders = await host.GetJsonAsync($"v1/customers/{customerId}/orders", token);
        Assert.Empty(orders["items"]!.AsArray());
    }

    [Theory]
    [InlineData(DemoWorld.BusinessBasicCatalogItemId, 300)]
    [InlineData(E3CatalogItemId, 301)]
    public async Task Cart_WithinTheSkuLimit_HasNoLineError(string catalogItemId, int quantity)
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);

        var (status, lineError, lineQuantity, _) = await CreateAsync(host, token, customerId, catalogItemId, quantity);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Null(lineError);
        Assert.Equal(quantity, lineQuantity);
    }

    [Theory]
    [InlineData(20200701, 40, 25)]
    [InlineData(7, 200, 120)]
    public void DemoWorld_EveryTenant_HoldsNoBusinessSubscriptionAbove300Seats(int seed, int customers, int kaizala)
    {
        var generator = new DemoWorldGenerator(seed, customers, kaizala, new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));

        var subscriptions = generator.GenerateCustomers().SelectMany(c => generator.GenerateTenant(c).Subscriptions.Values).ToList();

        var business = subscriptions.Where(s => s.OfferName.StartsWith("Microsoft 365 Business", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(business);
        Assert.All(business, s => Assert.InRange(s.Quantity, 1, 300));
        Assert.Contains(subscriptions, s => s.OfferName == "Office 365 E3" && s.Quantity > 300);
    }
}
