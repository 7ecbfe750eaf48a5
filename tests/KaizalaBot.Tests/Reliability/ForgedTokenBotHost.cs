using System.Net;
using KaizalaBot.HostileInput;
using KaizalaBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace KaizalaBot.Tests.Reliability;

/// <summary>
/// The real host with an app id on real Kestrel (loopback, OS-chosen port), trusting only the test's OpenID metadata,
/// its logs collected so each refusal's logged reason can be checked.
/// </summary>
internal sealed class ForgedTokenBotHost(IReadOnlyDictionary<string, string?> settings, FakeLogCollector logs) : BotHostFactory(settings)
{
    public IPEndPoint EndPoint
    {
        get
        {
            StartServer();
            return ServerEndPoints.Loopback(Services);
        }
    }

    public static ForgedTokenBotHost Start(IReadOnlyDictionary<string, string?> settings, FakeLogCollector logs)
    {
        var host = new ForgedTokenBotHost(settings, logs);
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0)); // not UseKestrel(0): dotnet/aspnetcore#67714
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs)));
    }
}
