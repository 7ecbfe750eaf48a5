using System.Net;
using KaizalaBot.PartnerCenter;
using KaizalaBot.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace KaizalaBot.Tests.Hosting;

/// <summary>
/// The embedded default: in Development the host mounts the Partner Center simulator in-process and its own
/// Partner Center client, configured by appsettings.Development.json alone, talks to it.
/// </summary>
public sealed class PartnerCenterInDevelopmentTests : IAsyncLifetime
{
    private readonly SimulatorRoutingHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Client_WithTheDevelopmentSettings_ListsTheSimulatedCustomers()
    {
        var client = _host.Services.GetRequiredService<IPartnerCenterClient>();

        var customers = await client.GetAllCustomersAsync(pageSize: 15, CancellationToken.None).ToListAsync();

        Assert.Equal(40, customers.Count);
        Assert.All(customers, c => Assert.False(string.IsNullOrEmpty(c.CompanyProfile?.CompanyName)));
    }

    [Fact]
    public async Task Simulator_IsMountedUnderItsPrefix_AndChecksTokens()
    {
        using var http = _host.CreateClient();

        var response = await http.GetAsync("/_pcsim/v1/customers");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>The host, with requests to the bot's own Development address answered by its test server.</summary>
    private sealed class SimulatorRoutingHost : BotHostFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // At the primary (transport) level, as the network would: every handler of a client (the Partner Center
            // client adds its token inside its resilience handler) still runs.
            builder.ConfigureTestServices(services => services.ConfigureHttpClientDefaults(http =>
                http.ConfigurePrimaryHttpMessageHandler(() => new OwnAddressHandler(() => Server.CreateHandler()) { InnerHandler = new SocketsHttpHandler() })));
        }
    }

    /// <summary>Sends requests for http://localhost:3978 (the Development address) into the test server; others go out normally.</summary>
    private sealed class OwnAddressHandler(Func<HttpMessageHandler> testServer) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { Host: "localhost", Port: 3978 })
            {
                using var invoker = new HttpMessageInvoker(testServer(), disposeHandler: false);
                return invoker.SendAsync(request, cancellationToken);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
