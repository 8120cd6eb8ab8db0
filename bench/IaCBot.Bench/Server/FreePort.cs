using System.Net;
using System.Net.Sockets;

namespace IaCBot.Bench.Server;

internal static class FreePort
{
    /// <summary>A loopback port nothing listens on right now (the listener that found it is closed again).</summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
