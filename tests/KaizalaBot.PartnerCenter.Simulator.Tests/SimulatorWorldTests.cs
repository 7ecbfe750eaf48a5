using System.Net;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;
using KaizalaBot.Testing.Time;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

public sealed class SimulatorWorldTests
{
    [Fact]
    public async Task StateFile_AfterRestart_KeepsSuspensionOrdersAndRotatedRefreshToken()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pcsim-{Guid.NewGuid():N}.json");
        var settings = new Dictionary<string, string?> { ["PartnerCenterSimulator:StateFilePath"] = path };
        var time = new TrackingFakeTimeProvider(SimulatorHost.Start);
        string customerId, subscriptionId, orderId, rotatedRefreshToken;
        try
        {
            await using (var first = await SimulatorHost.StartAsync(settings, time))
            {
                var token = await first.GetUserTokenAsync();
                (customerId, var kaizala) = await DemoWorld.ActiveKaizalaAsync(first, token);
                subscriptionId = kaizala["id"]!.GetValue<string>();
                using var suspend = await first.SendAsync(HttpMethod.Patch, $"v1/customers/{customerId}/subscriptions/{subscriptionId}", token, new JsonObject { ["status"] = "suspended" });
                var cartId = await DemoWorld.CreateCartAsync(first, token, customerId, 7);
                using var checkout = await first.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts/{cartId}/checkout", token);
                orderId = (await SimulatorHost.ReadJsonAsync(checkout))["orders"]![0]!["id"]!.GetValue<string>();
                using var refresh = await first.RequestTokenAsync(new Dictionary<string, string>
                {
                    ["grant_type"] = "refresh_token", ["client_id"] = SimulatorDemoDirectory.DemoClientId,
                    ["client_secret"] = SimulatorDemoDirectory.DemoClientSecret, ["refresh_token"] = SimulatorDemoDirectory.DemoRefreshToken,
                    ["scope"] = "https://api.partnercenter.microsoft.com/user_impersonation",
                });
                rotatedRefreshToken = (await SimulatorHost.ReadJsonAsync(refresh))["refresh_token"]!.GetValue<string>();
            }

            time.Advance(TimeSpan.FromMinutes(10));

            await using var second = await SimulatorHost.StartAsync(settings, time);
            using var redeemed = await second.RequestTokenAsync(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token", ["client_id"] = SimulatorDemoDirectory.DemoClientId,
                ["client_secret"] = SimulatorDemoDirectory.DemoClientSecret, ["refresh_token"] = rotatedRefreshToken,
                ["scope"] = "https://api.partnercenter.microsoft.com/user_impersonation",
            });
            var token2 = await second.GetUserTokenAsync();
            var subscription = await second.GetJsonAsync($"v1/customers/{customerId}/subscriptions/{subscriptionId}", token2);
            var order = await second.GetJsonAsync($"v1/customers/{customerId}/orders/{orderId}", token2);

            Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
            Assert.Equal("suspended", subscription["status"]!.GetValue<string>());
            Assert.Equal("completed", order["status"]!.GetValue<string>());
            Assert.Single((await second.GetJsonAsync($"v1/customers/{customerId}/subscriptions?order_id={orderId}", token2))["items"]!.AsArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task StateFile_Corrupt_IsMovedAsideAndTheSeededWorldServes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pcsim-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "{ not json");
        try
        {
            await using var host = await SimulatorHost.StartAsync(new Dictionary<string, string?> { ["PartnerCenterSimulator:StateFilePath"] = path });
            var token = await host.GetAppTokenAsync();

            var page = await host.GetJsonAsync("v1/customers?size=5", token);

            Assert.Equal(5, page["items"]!.AsArray().Count);
            Assert.Equal("{ not json", await File.ReadAllTextAsync(path + ".corrupt"));
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".corrupt");
        }
    }

    [Fact]
    public async Task Reset_AfterChanges_RegeneratesTheSeededWorld()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.GetAppTokenAsync();
        var (customerId, kaizala) = await DemoWorld.ActiveKaizalaAsync(host, token);
        var path = $"v1/customers/{customerId}/subscriptions/{kaizala["id"]}";
        using var suspend = await host.SendAsync(HttpMethod.Patch, path, token, new JsonObject { ["status"] = "suspended" });

        using var reset = await host.Client.PostAsync("_simulator/reset", null);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal("active", (await host.GetJsonAsync(path, token))["status"]!.GetValue<string>());
    }
}
