using System.Net;
using System.Net.Sockets;

namespace KaizalaBot.EndToEnd;

/// <summary>Loopback ports the OS says are free now, so parallel runs never collide on a fixed port.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
