using KaizalaBot.BotFramework.Connector;
using KaizalaBot.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KaizalaBot.Tests.Support;

/// <summary>
/// The real host (Program.cs) on the test server, in Development unless told otherwise (so loopback connectors are
/// allowed), with memory storage, no Playground, and any extra settings the test gives (e.g. an app id and test
/// metadata URLs).
/// </summary>
internal class BotHostFactory(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development")
    : WebApplicationFactory<Program>
{
    public IStorage Storage => Services.GetRequiredService<IStorage>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Storage:Provider", "Memory");
        builder.UseSetting("Playground:Enabled", "false");
        builder.UseSetting("BotFramework:RetryBaseDelay", "00:00:00.100");

        // The start-up scan and the reminder worker would call http://localhost:3978, where a developer's own bot may be
        // running; a test that wants them routes that address to its test server (SimulatorRoutingHost) and turns them on.
        builder.UseSetting("Expiry:BuildAtStartup", "false");
        builder.UseSetting("Reminders:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IBotTokenProvider>();
            services.AddSingleton<IBotTokenProvider, FixedBotTokenProvider>();
        });
    }
}
