using System.Net;
using KaizalaBot.PartnerCenter;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

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
}
