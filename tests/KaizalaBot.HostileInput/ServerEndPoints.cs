using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.HostileInput;

/// <summary>Where a started Kestrel server listens, as the raw client needs it.</summary>
public static class ServerEndPoints
{
    public static IPEndPoint Loopback(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);

        var address = new Uri(services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return new IPEndPoint(IPAddress.Loopback, address.Port);
    }
}
