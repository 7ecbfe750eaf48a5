using System.Net;
using System.Text;
using KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

public sealed class InspectionEndpointsTests
{
    [Fact]
    public async Task GetFaults_Defaults_ReflectConfiguredSeedAndLimit()
    {
        await using var host = await SimulatorHost.StartAsync(new Dictionary<string, string?> { ["PartnerCenterSimulator:Seed"] = "99" });

        using var response = await host.Client.GetAsync("_simulator/faults");

        var body = await SimulatorHost.ReadJsonAsync(response);
        Assert.Equal(99, body["seed"]!.GetValue<int>());
        Assert.Equal(500, body["requestsPerMinute"]!.GetValue<int>());
        Assert.Empty(body["rules"]!.AsArray());
    }

    [Fact]
    public async Task PutFaults_RateAboveOne_Returns400AndKeepsPreviousSettings()
    {
        await using var host = await SimulatorHost.StartAsync();
        const string Bad = """{"seed":1,"requestsPerMinute":0,"rules":[{"endpoint":"customers.get","failureRate":1.5,"kind":"serverError"}]}""";

        using var response = await host.Client.PutAsync("_simulator/faults", new StringContent(Bad, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var current = await host.Client.GetAsync("_simulator/faults");
        Assert.Equal(500, (await SimulatorHost.ReadJsonAsync(current))["requestsPerMinute"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetState_DemoWorld_ListsCustomersWithKaizalaFlag()
    {
        await using var host = await SimulatorHost.StartAsync();

        var customers = await DemoWorld.CustomersAsync(host);

        Assert.Equal(40, customers.Count);
        Assert.Equal(25, customers.Count(c => c["hasKaizala"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task PartnerCenterSurface_InspectionPathNeedsNoToken_ButV1Does()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var inspection = await host.Client.GetAsync("_simulator/state");
        using var partnerCenter = await host.Client.GetAsync("v1/customers");

        Assert.Equal(HttpStatusCode.OK, inspection.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, partnerCenter.StatusCode);
    }

    [Fact]
    public async Task GetCustomer_KaizalaCustomer_ShowsTenantWithAssignedSkus()
    {
        await using var host = await SimulatorHost.StartAsync();
        var customerId = (await DemoWorld.KaizalaCustomerIdsAsync(host))[0];

        using var response = await host.Client.GetAsync($"_simulator/customers/{customerId}");

        var body = await SimulatorHost.ReadJsonAsync(response);
        Assert.Equal(customerId, body["customer"]!["id"]!.GetValue<string>());
        var users = body["tenant"]!["users"]!.AsArray();
        Assert.Contains(users, u => u!["assignedSkuIds"]!.AsArray().Any(s => s!.GetValue<string>() == "5eed0000-0000-4000-8000-00000000ca1a"));
    }

    [Fact]
    public async Task GetCustomer_UnknownId_Returns404()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.Client.GetAsync($"_simulator/customers/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
