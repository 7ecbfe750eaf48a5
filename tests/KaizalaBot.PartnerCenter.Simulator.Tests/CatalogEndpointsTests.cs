using System.Net;
using KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

public sealed class CatalogEndpointsTests
{
    // Every replacement plan of architecture §1 with its NCE product id (reference §4.3; SIM… = invented).
    [Theory]
    [InlineData("CFQ7TTC0LH18", "Microsoft 365 Business Basic")]
    [InlineData("CFQ7TTC0LDPB", "Microsoft 365 Business Standard")]
    [InlineData("CFQ7TTC0LCHC", "Microsoft 365 Business Premium")]
    [InlineData("CFQ7TTC0LH05", "Microsoft 365 F3")]
    [InlineData("CFQ7TTC0LGZW", "Office 365 F3")]
    [InlineData("CFQ7TTC0LF8Q", "Office 365 E1")]
    [InlineData("CFQ7TTC0LF8R", "Office 365 E3")]
    [InlineData("CFQ7TTC0LF8S", "Office 365 E5")]
    [InlineData("CFQ7TTC0LFLX", "Microsoft 365 E3")]
    [InlineData("CFQ7TTC0LFLZ", "Microsoft 365 E5")]
    [InlineData("SIMEDU0M365A1", "Microsoft 365 A1")]
    [InlineData("SIMEDU0O365A1", "Office 365 A1")]
    [InlineData("SIMEDU0M365A3", "Microsoft 365 A3 for faculty")]
    [InlineData("SIMEDU0O365A3", "Office 365 A3 for faculty")]
    [InlineData("SIMEDU0M365A5", "Microsoft 365 A5 for students")]
    [InlineData("SIMEDU0O365A5", "Office 365 A5 for students")]
    public async Task Product_EveryReplacementPlan_ResolvesToAPurchasableAvailability(string productId, string title)
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();

        var product = await host.GetJsonAsync($"v1/products/{productId}?country=FR", token);
        var skus = await host.GetJsonAsync($"v1/products/{productId}/skus?country=FR", token);
        var skuId = skus["items"]![0]!["id"]!.GetValue<string>();
        var availabilities = await host.GetJsonAsync($"v1/products/{productId}/skus/{skuId}/availabilities?country=FR", token);

        Assert.Equal(title, product["title"]!.GetValue<string>());
        Assert.Equal("Product", product["attributes"]!["objectType"]!.GetValue<string>());
        var availability = availabilities["items"]![0]!;
        Assert.Equal("Availability", availability["attributes"]!["objectType"]!.GetValue<string>());
        Assert.True(availability["isPurchasable"]!.GetValue<bool>());
        Assert.Equal($"{productId}:{skuId}:{availability["id"]}", availability["catalogItemId"]!.GetValue<string>());
        Assert.Equal("EUR", availability["defaultCurrency"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Products_EducationSegment_ListsOnlyEducationPlans()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();

        var products = await host.GetJsonAsync("v1/products?country=US&targetView=OnlineServices&targetSegment=education", token);

        Assert.Equal(6, products["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Products_UnsupportedTargetView_Returns403400036()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();

        using var response = await host.SendAsync(HttpMethod.Get, "v1/products?country=US&targetView=Azure", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(400036, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Offers_LegacyOffer_ExposesAadSkuIdAsProductId()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();

        var offer = await host.GetJsonAsync("v1/offers/031C9E47-4802-4248-838E-778FB1D2CC05?country=US", token);

        Assert.Equal("f245ecc8-75af-4f8e-b61f-27d8114de5f3", offer["product"]!["id"]!.GetValue<string>());
        Assert.Equal("Offer", offer["attributes"]!["objectType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Offers_MissingCountry_Returns400()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();

        using var response = await host.SendAsync(HttpMethod.Get, "v1/offers", token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CustomerProducts_CommercialCustomer_UsesCustomerSegment()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);

        var products = await host.GetJsonAsync($"v1/customers/{customerId}/products?targetView=OnlineServices", token);

        Assert.Equal(10, products["totalCount"]!.GetValue<int>());
    }
}
