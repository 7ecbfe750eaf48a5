using System.Net;
using KaizalaBot.HostileInput;
using KaizalaBot.Tests.Support;

namespace KaizalaBot.Tests.HostileInput;

/// <summary>The test host on real Kestrel (loopback, OS-chosen port), for tests about HTTP framing itself.</summary>
internal class KestrelBotHost : BotHostFactory
{
    public KestrelBotHost()
    {
        UseKestrel(0);
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
