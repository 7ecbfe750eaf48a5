using System.Net;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

public sealed class PartnerCenterPipelineFilterTests
{
    private static async Task PutFaultsAsync(SimulatorHost host, JsonObject settings)
    {
        using var response = await host.Client.PutAsync("_simulator/faults",
            new StringContent(settings.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static JsonObject Rule(string endpoint, double rate, string kind, string latency = "00:00:00") => new()
    {
        ["endpoint"] = endpoint,
        ["failureRate"] = rate,
        ["kind"] = kind,
        ["latency"] = latency,
    };

    [Fact]
    public async Task InvokeAsync_OverPerTenantLimit_Returns429WithDocumentedBodyAndRetryAfter()
    {
        await using var host = await SimulatorHost.StartAsync(new Dictionary<string, string?> { ["PartnerCenterSimulator:RequestsPerMinute"] = "5" });
        var token = await host.GetAppTokenAsync();
        var customers = await DemoWorld.CustomersAsync(host);
        var first = customers[0]["id"]!.GetValue<string>();
        var other = customers[1]["id"]!.GetValue<string>();
        for (var i = 0; i < 5; i++)
        {
            using var ok = await host.SendAsync(HttpMethod.Get, $"v1/customers/{first}", token);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        host.Time.Advance(TimeSpan.FromSeconds(3));
        using var throttled = await host.SendAsync(HttpMethod.Get, $"v1/customers/{first}", token);
        using var otherTenant = await host.SendAsync(HttpMethod.Get, $"v1/customers/{other}", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(57), throttled.Headers.RetryAfter!.Delta);
        var body = await SimulatorHost.ReadJsonAsync(throttled);
        Assert.Equal(429, body["statusCode"]!.GetValue<int>());
        Assert.Equal("Rate limit is exceeded. Try again in 57 seconds.", body["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, otherTenant.StatusCode);
        host.Time.Advance(TimeSpan.FromSeconds(57));
        using var afterWindow = await host.SendAsync(HttpMethod.Get, $"v1/customers/{first}", token);
        Assert.Equal(HttpStatusCode.OK, afterWindow.StatusCode);
    }

    [Fact]
    public async Task InvokeAsync_SameFaultSeedTwice_FailsTheSameRequests()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var customerId = (await DemoWorld.CustomersAsync(host))[0]["id"]!.GetValue<string>();
        var settings = new JsonObject { ["seed"] = 7, ["requestsPerMinute"] = 0, ["timeoutDuration"] = "00:00:00", ["rules"] = new JsonArray(Rule("customers.get", 0.5, "serverError")) };

        async Task<List<int>> RunAsync()
        {
            await PutFaultsAsync(host, settings.DeepClone().AsObject());
            var statuses = new List<int>();
            for (var i = 0; i < 24; i++)
            {
                using var response = await host.SendAsync(HttpMethod.Get, $"v1/customers/{customerId}", token);
                statuses.Add((int)response.StatusCode);
            }

            return statuses;
        }

        var firstRun = await RunAsync();
        var secondRun = await RunAsync();

        Assert.Equal(firstRun, secondRun);
        Assert.Contains(500, firstRun);
        Assert.Contains(200, firstRun);
    }

    [Fact]
    public async Task InvokeAsync_ServiceUnavailableFault_Returns503WithRetryAfterAndOtherEndpointsUnaffected()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var customerId = (await DemoWorld.CustomersAsync(host))[0]["id"]!.GetValue<string>();
        await PutFaultsAsync(host, new JsonObject { ["seed"] = 1, ["requestsPerMinute"] = 0, ["rules"] = new JsonArray(Rule("customers.get", 1, "serviceUnavailable")) });

        using var faulted = await host.SendAsync(HttpMethod.Get, $"v1/customers/{customerId}", token);
        using var unaffected = await host.SendAsync(HttpMethod.Get, $"v1/customers/{customerId}/subscriptions", token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.NotNull(faulted.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
    }

    [Fact]
    public async Task InvokeAsync_CheckoutRetriedWithSameRequestIdAfterTimeout_CreatesOneOrder()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var cartId = await DemoWorld.CreateCartAsync(host, token, customerId, 12);
        var requestId = new Dictionary<string, string> { ["MS-RequestId"] = "5d0b3f2e-8f9e-4b1a-9c3d-2e1f0a9b8c7d" };
        await PutFaultsAsync(host, new JsonObject { ["seed"] = 1, ["requestsPerMinute"] = 0, ["timeoutDuration"] = "00:00:00", ["rules"] = new JsonArray(Rule("carts.checkout", 1, "timeoutAfterProcessing")) });
        using var timedOut = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts/{cartId}/checkout", token, headers: requestId);
        await PutFaultsAsync(host, new JsonObject { ["seed"] = 1, ["requestsPerMinute"] = 0 });

        using var retry = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts/{cartId}/checkout", token, headers: requestId);
        using var freshRequest = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts/{cartId}/checkout", token,
            headers: new Dictionary<string, string> { ["MS-RequestId"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.GatewayTimeout, timedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, freshRequest.StatusCode);
        Assert.Equal(800065, (await SimulatorHost.ReadJsonAsync(freshRequest))["code"]!.GetValue<int>());
        var orders = (await host.GetJsonAsync($"v1/customers/{customerId}/orders", token))["items"]!.AsArray();
        Assert.Equal((await SimulatorHost.ReadJsonAsync(retry))["orders"]![0]!["id"]!.GetValue<string>(), Assert.Single(orders)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvokeAsync_TimeoutBeforeProcessing_Returns504AndDoesNothing()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetUserTokenAsync();
        var (customerId, _) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var cartId = await DemoWorld.CreateCartAsync(host, token, customerId, 12);
        await PutFaultsAsync(host, new JsonObject { ["seed"] = 1, ["requestsPerMinute"] = 0, ["timeoutDuration"] = "00:00:00", ["rules"] = new JsonArray(Rule("carts.checkout", 1, "timeout")) });

        using var timedOut = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts/{cartId}/checkout", token);

        Assert.Equal(HttpStatusCode.GatewayTimeout, timedOut.StatusCode);
        Assert.Equal("Active", (await host.GetJsonAsync($"v1/customers/{customerId}/carts/{cartId}", token))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvokeAsync_InjectedLatency_WaitsOnTheSimulatorClock()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var customerId = (await DemoWorld.CustomersAsync(host))[0]["id"]!.GetValue<string>();
        await PutFaultsAsync(host, new JsonObject { ["seed"] = 1, ["requestsPerMinute"] = 0, ["rules"] = new JsonArray(Rule("customers.get", 0, "serverError", "00:00:03")) });
        var pending = host.SendAsync(HttpMethod.Get, $"v1/customers/{customerId}", token);
        await host.Time.WaitForTimersAsync(1);

        Assert.False(pending.IsCompleted);

        host.Time.Advance(TimeSpan.FromSeconds(3));

        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
