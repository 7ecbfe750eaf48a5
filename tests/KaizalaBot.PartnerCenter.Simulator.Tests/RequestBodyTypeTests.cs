using System.Net;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

// A field of the wrong JSON type is a 400 naming it, not silently ignored (issue 9).
public sealed class RequestBodyTypeTests
{
    private const string KaizalaSkuId = "5eed0000-0000-4000-8000-00000000ca1a";

    [Theory]
    [InlineData("quantity", "\"5\"")]
    [InlineData("billingCycle", "1")]
    [InlineData("friendlyName", "{}")]
    [InlineData("id", "\"zero\"")]
    public async Task Cart_LineFieldOfWrongType_Returns400NamingIt(string field, string json)
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var body = DemoWorld.CartBody(DemoWorld.BusinessBasicCatalogItemId, 5, "types");
        body["lineItems"]![0]![field] = JsonNode.Parse(json);

        using var response = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts", token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fault = await SimulatorHost.ReadJsonAsync(response);
        Assert.Equal(800002, fault["code"]!.GetValue<int>());
        Assert.Contains($"'{field}'", fault["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"licensesToRemove":"5eed0000-0000-4000-8000-00000000ca1a"}""", "licensesToRemove")]
    [InlineData("""{"licensesToAssign":["3b555118-da6a-4418-894f-7df1e2096870"]}""", "licensesToAssign")]
    [InlineData("""{"licensesToAssign":[{"skuId":3}],"licensesToRemove":[]}""", "skuId")]
    [InlineData("""{"licensesToAssign":[{"skuId":"3b555118-da6a-4418-894f-7df1e2096870","excludedPlans":"none"}]}""", "excludedPlans")]
    public async Task LicenceUpdate_FieldOfWrongType_Returns400AndChangesNothing(string json, string field)
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var holder = (await DemoWorld.UsersAsync(host, token, customerId))[0]["id"]!.GetValue<string>();
        var before = await DemoWorld.LicenseSkuIdsAsync(host, token, customerId, holder);

        using var response = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/users/{holder}/licenseupdates", token, JsonNode.Parse(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"'{field}'", (await SimulatorHost.ReadJsonAsync(response))["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await DemoWorld.LicenseSkuIdsAsync(host, token, customerId, holder));
        Assert.Contains(KaizalaSkuId, before);
    }
}
