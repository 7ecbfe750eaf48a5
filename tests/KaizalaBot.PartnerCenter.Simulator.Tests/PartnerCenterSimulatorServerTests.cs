using System.Net;

namespace KaizalaBot.PartnerCenter.Simulator.Tests;

public sealed class PartnerCenterSimulatorServerTests
{
    [Fact]
    public async Task StartAsync_AtRoot_ListensOnLoopbackWithOsChosenPortAndServesTokens()
    {
        await using var server = await PartnerCenterSimulatorServer.StartAsync(
            new Dictionary<string, string?> { ["StateFilePath"] = "" }, TimeProvider.System, "", CancellationToken.None);
        using var client = new HttpClient { BaseAddress = server.Root };

        using var response = await client.PostAsync($"{SimulatorDemoDirectory.PartnerTenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = SimulatorDemoDirectory.DemoClientId,
            ["client_secret"] = SimulatorDemoDirectory.DemoClientSecret,
            ["scope"] = "https://api.partnercenter.microsoft.com/.default",
        }));

        Assert.Equal("127.0.0.1", server.Root.Host);
        Assert.NotEqual(5000, server.Root.Port);
        Assert.Equal("/", server.Root.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
