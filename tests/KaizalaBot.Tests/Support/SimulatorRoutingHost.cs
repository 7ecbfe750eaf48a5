using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.Support;

/// <summary>
/// The host, with requests to the bot's own Development address (where the in-process simulator is mounted) answered by
/// its test server, at the primary (transport) level as the network would: every handler of a client (the Partner
/// Center client adds its token inside its resilience handler) still runs.
/// </summary>
internal sealed class SimulatorRoutingHost(IReadOnlyDictionary<string, string?>? settings = null) : BotHostFactory(settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureHttpClientDefaults(http =>
            http.ConfigurePrimaryHttpMessageHandler(() => new OwnAddressHandler(() => Server.CreateHandler()) { InnerHandler = new SocketsHttpHandler() })));
    }
}
