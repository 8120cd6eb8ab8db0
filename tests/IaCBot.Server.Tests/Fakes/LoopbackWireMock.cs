using System.Net;
using System.Net.Sockets;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>A quiet WireMock server on a free loopback port, as every fake Git host runs on.</summary>
internal static class LoopbackWireMock
{
    public static WireMockServer Start()
    {
        // The free port is probed, then bound: another process may take it in between, so try again a few times.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return WireMockServer.Start(new WireMockServerSettings
                {
                    Urls = [$"http://127.0.0.1:{FreeLoopbackPort()}"],
                    StartAdminInterface = false,
                    Logger = new WireMockNullLogger(),
                    MaxRequestLogCount = 0,
                    DisableJsonBodyParsing = true,
                });
            }
            catch (Exception) when (attempt < 5)
            {
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
