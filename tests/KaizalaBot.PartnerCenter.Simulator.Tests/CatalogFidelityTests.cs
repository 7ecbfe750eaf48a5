using System.Net;
using KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

// Reference §4.2 (corrected 2026-11-30): NCE product type, SKU seat limits and provisioningId, not-found codes.
public sealed class CatalogFidelityTests
{
    [Fact]
    public async Task Product_NceReplacementPlan_IsOnlineServicesNce()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();

        var product = await host.GetJsonAsync("v1/products/CFQ7TTC0LH18?country=US", token);

        Assert.Equal("OnlineServicesNCE", product["productType"]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("CFQ7TTC0LH18", "0001", 300, "3b555118-da6a-4418-894f-7df1e2096870")]
    [InlineData("CFQ7TTC0LCHC", "0002", 300, "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46")]
    [InlineData("CFQ7TTC0LF8R", "0001", 10000, "6fd2c87f-b296-42f0-b197-1e91e994b900")]
    public async Task Sku_ReplacementPlan_CarriesSeatLimitsAndTheEntraSkuIdAsProvisioningId(string productId, string skuId, int maximum, string entraSkuId)
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();

        var sku = await host.GetJsonAsync($"v1/products/{productId}/skus/{skuId}?country=US", token);
        var listed = (await host.GetJsonAsync($"v1/products/{productId}/skus?country=US", token))["items"]![0]!;

        Assert.Equal(1, sku["minimumQuantity"]!.GetValue<int>());
        Assert.Equal(maximum, sku["maximumQuantity"]!.GetValue<int>());
        Assert.Equal(entraSkuId, sku["dynamicAttributes"]!["provisioningId"]!.GetValue<string>());
        Assert.Equal(entraSkuId, listed["dynamicAttributes"]!["provisioningId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("v1/products/NOSUCHPRODUCT?country=US", 400013)]
    [InlineData("v1/products/NOSUCHPRODUCT/skus?country=US", 400013)]
    [InlineData("v1/products/CFQ7TTC0LH18/skus/9999?country=US", 400018)]
    [InlineData("v1/products/CFQ7TTC0LH18/skus/9999/availabilities?country=US", 400018)]
    [InlineData("v1/products/CFQ7TTC0LH18/skus/0001/availabilities/NOSUCHAVAIL?country=US", 400019)]
    public async Task Catalogue_UnknownItem_Returns404WithItsDocumentedCode(string path, int code)
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();

        using var response = await host.SendAsync(HttpMethod.Get, path, token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(code, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("NOT-AN-OFFER", 400, 800004)]
    [InlineData("CFQ7TTC0LH18", 400, 2100)]
    [InlineData("CFQ7TTC0LH18:0001:CFQ7TTC0K971", 400, 2100)]
    public async Task Offer_UnknownOrNceId_ReturnsItsDocumentedError(string offerId, int status, int code)
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();

        using var response = await host.SendAsync(HttpMethod.Get, $"v1/offers/{Uri.EscapeDataString(offerId)}?country=US", token);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, (await SimulatorHost.ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Offer_LegacyBusinessStandard_SellsAtMost300Seats()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();

        var offer = await host.GetJsonAsync("v1/offers/031C9E47-4802-4248-838E-778FB1D2CC05?country=US", token);

        Assert.Equal(300, offer["maximumQuantity"]!.GetValue<int>());
    }
}
