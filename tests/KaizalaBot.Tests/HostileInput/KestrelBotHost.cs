using System.Net;
using KaizalaBot.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.HostileInput;

/// <summary>The test host on real Kestrel (loopback, OS-chosen port), for tests about HTTP framing itself.</summary>
internal class KestrelBotHost : BotHostFactory
{
    public KestrelBotHost(IReadOnlyDictionary<string, string?>? settings = null)
        : base(settings)
    {
        UseKestrel(0);
    }

    public IPEndPoint EndPoint
    {
        get
        {
            StartServer();
            var address = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
            return new IPEndPoint(IPAddress.Loopback, address.Port);
        }
    }
}
