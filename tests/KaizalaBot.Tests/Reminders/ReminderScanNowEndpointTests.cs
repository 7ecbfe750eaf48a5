using System.Net;
using KaizalaBot.Hosting;
using KaizalaBot.Testing.Protocol;
using KaizalaBot.Tests.Support;

namespace KaizalaBot.Tests.Reminders;

/// <summary>The Development "scan now" trigger: it runs a reminder cycle there, and does not exist anywhere else.</summary>
public sealed class ReminderScanNowEndpointTests
{
    [Fact]
    public async Task Post_InDevelopment_ScansAndTheSellerGetsTheirReminders()
    {
        await using var connector = await RecordingConnectorServer.StartAsync();
        await using var host = new SimulatorRoutingHost(ReminderHostSettings.Create(("Reminders:Enabled", "true")));
        using var client = host.CreateClient();
        await client.SendAsync(TeamsActivities.Post(new TeamsActivities(new Uri(connector.ServiceUrl)).InstallationAdd()));

        using var response = await client.PostAsync(ReminderHostingExtensions.ScanNowPath, null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await connector.WaitForRequestsAsync(3, TimeSpan.FromSeconds(90));   // welcome, header, digest
        Assert.Equal("PUT", connector.Requests[2].Method);
    }

    [Fact]
    public async Task Post_RemindersDisabledOnThisInstance_409WithTheKey()
    {
        await using var host = new SimulatorRoutingHost(ReminderHostSettings.Create());
        using var client = host.CreateClient();

        using var response = await client.PostAsync(ReminderHostingExtensions.ScanNowPath, null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Reminders:Enabled", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OutsideDevelopment_TheRouteDoesNotExist()
    {
        using var host = new BotHostFactory(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = "MultiTenant",
                ["MicrosoftAppId"] = "6a3f5a2e-1111-4c7e-9a55-000000000b07",
                ["MicrosoftAppPassword"] = "not-a-real-secret",
                ["PartnerCenter:PartnerTenantId"] = "5eed0000-c5b0-4a11-9d3e-000000000001",
                ["PartnerCenter:ApplicationId"] = "5eed0000-a99a-4b0b-8f1e-00000000c11e",
                ["PartnerCenter:ApplicationSecret"] = "placeholder",
                ["PartnerCenter:RefreshToken"] = "placeholder",
            },
            "Production");
        using var client = host.CreateClient();

        using var response = await client.PostAsync(ReminderHostingExtensions.ScanNowPath, null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
