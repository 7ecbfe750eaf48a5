using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace KaizalaBot.Tests.Playground;

/// <summary>A server that only reports the address the bot would listen on: all the launcher asks of it.</summary>
internal sealed class AddressOnlyServer : IServer
{
    public AddressOnlyServer(string address)
    {
        var addresses = new ServerAddressesFeature();
        addresses.Addresses.Add(address);
        Features.Set<IServerAddressesFeature>(addresses);
    }

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
