using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

// update-a-subscription-by-id (reference §3.4): the body is the whole subscription, an absent autoRenewEnabled is
// not "unchanged", and a PATCH may be answered 202 + Location.
public sealed class SubscriptionPatchSemanticsTests
{
    private static readonly JsonObject NextTerm = new()
    {
        ["product"] = new JsonObject { ["productId"] = "CFQ7TTC0LDPB", ["skuId"] = "0001", ["availabilityId"] = "SIMAV0000002", ["billingCycle"] = "monthly", ["termDuration"] = "P1Y" },
        ["quantity"] = 12,
    };

    private static async Task<(string Path, JsonObject Subscription)> RenewingSubscriptionAsync(SimulatorHost host, string token, string offerNamePrefix = "")
    {
        foreach (var customer in await DemoWorld.CustomersAsync(host))
        {
            var customerId = customer["id"]!.GetValue<string>();
            var subscriptions = await host.GetJsonAsync($"v1/customers/{customerId}/subscriptions", token);
            var found = subscriptions["items"]!.AsArray().Select(s => s!.AsObject()).FirstOrDefault(s =>
                s["autoRenewEnabled"]!.GetValue<bool>() && s["status"]!.GetValue<string>() == "active"
                && s["offerName"]!.GetValue<string>().StartsWith(offerNamePrefix, StringComparison.Ordinal));
            if (found is not null)
            {
                return ($"v1/customers/{customerId}/subscriptions/{found["id"]}", found);
            }
        }

        throw new InvalidOperationException($"The demo world has no active auto-renewing subscription starting '{offerNamePrefix}'.");
    }

    private static JsonObject With(JsonObject subscription, Action<JsonObject> change)
    {
        var copy = subscription.DeepClone().AsObject();
        change(copy);
        return copy;
    }

    private static string Etag(JsonObject subscription) => subscription["attributes"]!["etag"]!.GetValue<string>();

    [Fact]
    public async Task Patch_WholeObjectAsRead_KeepsAutoRenewAndNextTermInstructions()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var (path, read) = await RenewingSubscriptionAsync(host, token);
        using var first = await host.SendAsync(HttpMethod.Patch, path, token, With(read, s => s["scheduledNextTermInstructions"] = NextTerm.DeepClone()));
        var withInstructions = await host.GetJsonAsync(path, token);

        using var rename = await host.SendAsync(HttpMethod.Patch, path, token, With(withInstructions, s => s["friendlyName"] = "Renamed by the migration"),
            new Dictionary<string, string> { ["If-Match"] = Etag(withInstructions) });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        var after = await SimulatorHost.ReadJsonAsync(rename);
        Assert.Equal("Renamed by the migration", after["friendlyName"]!.GetValue<string>());
        Assert.True(after["autoRenewEnabled"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(NextTerm, after["scheduledNextTermInstructions"]));
    }

    [Fact]
    public async Task Patch_MinimalBodyWithoutAutoRenew_TurnsAutoRenewOffAndDeletesNextTermInstructions()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var (path, read) = await RenewingSubscriptionAsync(host, token);
        using var setUp = await host.SendAsync(HttpMethod.Patch, path, token, With(read, s => s["scheduledNextTermInstructions"] = NextTerm.DeepClone()));
        Assert.Equal(HttpStatusCode.OK, setUp.StatusCode);

        using var minimal = await host.SendAsync(HttpMethod.Patch, path, token, new JsonObject { ["friendlyName"] = "Only the name" });

        Assert.Equal(HttpStatusCode.OK, minimal.StatusCode);
        var after = await host.GetJsonAsync(path, token);
        Assert.Equal("Only the name", after["friendlyName"]!.GetValue<string>());
        Assert.False(after["autoRenewEnabled"]!.GetValue<bool>());
        Assert.Null(after["scheduledNextTermInstructions"]);
        Assert.Equal(read["quantity"]!.GetValue<int>(), after["quantity"]!.GetValue<int>());
        Assert.Equal("active", after["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("autoRenewEnabled", "\"true\"")]
    [InlineData("quantity", "\"5\"")]
    [InlineData("status", "true")]
    [InlineData("friendlyName", "5")]
    [InlineData("scheduledNextTermInstructions", "\"renew\"")]
    public async Task Patch_FieldOfWrongType_Returns400NamingItAndChangesNothing(string field, string json)
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var (path, read) = await RenewingSubscriptionAsync(host, token);

        using var response = await host.SendAsync(HttpMethod.Patch, path, token, With(read, s => s[field] = JsonNode.Parse(json)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fault = await SimulatorHost.ReadJsonAsync(response);
        Assert.Equal(800002, fault["code"]!.GetValue<int>());
        Assert.Contains($"'{field}'", fault["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Etag(read), Etag(await host.GetJsonAsync(path, token)));
    }

    [Fact]
    public async Task Patch_BusinessQuantityAbove300_Returns403800088AndChangesNothing()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var (path, read) = await RenewingSubscriptionAsync(host, token, "Microsoft 365 Business");

        using var tooMany = await host.SendAsync(HttpMethod.Patch, path, token, With(read, s => s["quantity"] = 301));
        var unchanged = await host.GetJsonAsync(path, token);
        using var atLimit = await host.SendAsync(HttpMethod.Patch, path, token, With(unchanged, s => s["quantity"] = 300));

        Assert.Equal(HttpStatusCode.Forbidden, tooMany.StatusCode);
        var fault = await SimulatorHost.ReadJsonAsync(tooMany);
        Assert.Equal(800088, fault["code"]!.GetValue<int>());
        Assert.Contains("300", fault["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Etag(read), Etag(unchanged));
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Equal(300, (await SimulatorHost.ReadJsonAsync(atLimit))["quantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task Patch_Accepted_Answers202WithLocationAndTheChangeShowsThereAfterProcessingTime()
    {
        await using var host = await SimulatorHost.StartAsync(new Dictionary<string, string?>
        {
            ["PartnerCenterSimulator:PatchAcceptedShare"] = "1",
            ["PartnerCenterSimulator:PatchProcessingTime"] = "00:01:00",
        });
        var token = await host.GetAppTokenAsync();
        var (path, read) = await RenewingSubscriptionAsync(host, token);
        var ifMatch = new Dictionary<string, string> { ["If-Match"] = Etag(read) };

        using var accepted = await host.SendAsync(HttpMethod.Patch, path, token, With(read, s => s["status"] = "suspended"), ifMatch);
        var location = accepted.Headers.Location!.OriginalString;
        var during = await host.GetJsonAsync("v1" + location, token);
        using var inspection = await host.Client.GetAsync("_simulator/customers/" + path.Split('/')[2]);
        var pending = (await SimulatorHost.ReadJsonAsync(inspection))["tenant"]!["pendingUpdates"]!.AsArray();
        using var second = await host.SendAsync(HttpMethod.Patch, path, token, With(read, s => s["friendlyName"] = "meanwhile"));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        token = await host.GetAppTokenAsync();
        var after = await host.GetJsonAsync("v1" + location, token);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("/" + path["v1/".Length..], location);
        Assert.Empty(await accepted.Content.ReadAsStringAsync());
        Assert.Equal("active", during["status"]!.GetValue<string>());
        Assert.Equal(Etag(read), Etag(during));
        Assert.Equal("suspended", Assert.Single(pending)!["updated"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(800082, (await SimulatorHost.ReadJsonAsync(second))["code"]!.GetValue<int>());
        Assert.Equal("suspended", after["status"]!.GetValue<string>());
        Assert.NotEqual(Etag(read), Etag(after));
        Assert.Equal(read["friendlyName"]!.GetValue<string>(), after["friendlyName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_AcceptedThenRetriedWithTheSameRequestId_ReplaysThe202WithoutA409()
    {
        await using var host = await SimulatorHost.StartAsync(new Dictionary<string, string?> { ["PartnerCenterSimulator:PatchAcceptedShare"] = "1" });
        var token = await host.GetAppTokenAsync();
        var (path, read) = await RenewingSubscriptionAsync(host, token);
        var headers = new Dictionary<string, string> { ["MS-RequestId"] = Guid.NewGuid().ToString() };

        using var first = await host.SendAsync(HttpMethod.Patch, path, token, With(read, s => s["quantity"] = read["quantity"]!.GetValue<int>() + 1), headers);
        using var retry = await host.SendAsync(HttpMethod.Patch, path, token, With(read, s => s["quantity"] = read["quantity"]!.GetValue<int>() + 1), headers);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
    }
}
