using System.Net;
using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.Testing.Processes;
using KaizalaBot.Testing.Protocol;
using KaizalaBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace KaizalaBot.Tests.Hosting;

/// <summary>
/// Secure by default (architecture §4): outside Development the host will not start without an app id, and a configured
/// bot answers 401 to anything without a valid token; Development without an app id says so once, at start-up.
/// </summary>
public sealed class SecureDefaultsTests
{
    private const string AppId = "6a3f5a2e-1111-4c7e-9a55-000000000b07";

    /// <summary>What a Production deployment must set besides the bot identity (placeholders; nothing is called).</summary>
    private static readonly Dictionary<string, string?> ProductionPartnerCenter = new()
    {
        ["PartnerCenter:PartnerTenantId"] = "5eed0000-c5b0-4a11-9d3e-000000000001",
        ["PartnerCenter:ApplicationId"] = "5eed0000-a99a-4b0b-8f1e-00000000c11e",
        ["PartnerCenter:ApplicationSecret"] = "placeholder",
        ["PartnerCenter:RefreshToken"] = "placeholder",
    };

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Start_OutsideDevelopmentWithoutAppId_TheHostProcessRefusesNamingMicrosoftAppId(string environment)
    {
        // The real process, as a deployment starts it: WebApplicationFactory races its own disposal when a host fails
        // to start (dotnet/aspnetcore#33494) and would sometimes report that instead of the refusal.
        var host = typeof(Program).Assembly.Location;
        string[] arguments =
        [
            host, "--environment", environment, "--urls", "http://127.0.0.1:0", "--Storage:Provider", "Memory",
            .. ProductionPartnerCenter.SelectMany(setting => new[] { "--" + setting.Key, setting.Value! }),
        ];

        // Were the refusal missing, the host would run until the bound and the runner would throw a TimeoutException.
        var result = await ProcessRunner.RunAsync("dotnet", Path.GetDirectoryName(host)!, TimeSpan.FromSeconds(60), null, CancellationToken.None, arguments);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("MicrosoftAppId is required outside the Development environment", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ProductionWithAppId_AnonymousRequestIs401AndNothingRuns()
    {
        await using var metadata = await OpenIdMetadataServer.StartAsync();
        await using var connector = await RecordingConnectorServer.StartAsync();
        using var host = new BotHostFactory(
            new Dictionary<string, string?>(ProductionPartnerCenter)
            {
                ["MicrosoftAppType"] = "MultiTenant",
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "not-a-real-secret",
                ["BotFramework:ChannelOpenIdMetadataUrl"] = metadata.ChannelMetadataUrl.ToString(),
                ["BotFramework:EntraOpenIdMetadataUrl"] = metadata.EntraMetadataUrl.ToString(),
            },
            "Production");
        using var client = host.CreateClient();
        var activity = new TeamsActivities(new Uri("https://smba.trafficmanager.net/emea/")).Message("help");

        using var anonymous = await client.SendAsync(TeamsActivities.Post(activity));
        using var forged = await client.SendAsync(TeamsActivities.Post(activity, "forged.token.value"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(string.Empty, await anonymous.Content.ReadAsStringAsync());
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task Start_DevelopmentWithoutAppId_WarnsOnceAtStartUpNotPerRequest()
    {
        var logs = new FakeLogCollector();
        await using var connector = await RecordingConnectorServer.StartAsync();
        using var host = new LoggingHostFactory(logs);
        using var client = host.CreateClient();
        var activities = new TeamsActivities(new Uri(connector.ServiceUrl));

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(TeamsActivities.Post(activities.Message("help")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var warning = Assert.Single(logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Category == typeof(ChannelAuthenticator).Namespace + ".AnonymousModeWarning");
        Assert.Contains("No MicrosoftAppId is configured", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Level >= LogLevel.Warning && r.Category == typeof(ChannelAuthenticator).FullName);
    }

    private sealed class LoggingHostFactory(FakeLogCollector logs) : BotHostFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs)));
        }
    }
}
