using KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

public sealed class PartnerCenterSimulatorExtensionsTests
{
    [Fact]
    public async Task AddPartnerCenterSimulator_InvalidConfiguration_FailsAtStartNamingTheKey()
    {
        var settings = new Dictionary<string, string?> { ["PartnerCenterSimulator:CustomerCount"] = "0" };

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => SimulatorHost.StartAsync(settings));

        Assert.Contains("PartnerCenterSimulator:CustomerCount", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapPartnerCenterSimulator_UnderPrefix_ServesTokenAndV1BesideEachOther()
    {
        await using var host = await SimulatorHost.StartAsync();

        var token = await host.GetUserTokenAsync();
        var page = await host.GetJsonAsync("v1/customers?size=1", token);

        Assert.EndsWith("/_pcsim/", host.Root.AbsoluteUri, StringComparison.Ordinal);
        Assert.Single(page["items"]!.AsArray());
    }
}
