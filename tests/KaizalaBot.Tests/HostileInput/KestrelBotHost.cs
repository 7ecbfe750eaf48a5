using System.Net;
using KaizalaBot.HostileInput;
using KaizalaBot.Tests.Support;

namespace KaizalaBot.Tests.HostileInput;

/// <summary>The test host on real Kestrel (loopback, OS-chosen port), for tests about HTTP framing itself.</summary>
internal class KestrelBotHost : BotHostFactory
{
    public KestrelBotHost()
    {
        // Kestrel binds the port itself: UseKestrel(0) makes the factory rewrite the addresses after Build(), which races
        // with the app binding them on its own thread (dotnet/aspnetcore#67714) and failed a test now and then under load.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public IPEndPoint EndPoint
    {
        get
        {
            StartServer();
            return ServerEndPoints.Loopback(Services);
        }
    }
}
