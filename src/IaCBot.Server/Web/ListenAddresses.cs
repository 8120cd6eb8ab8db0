using System.Net;

namespace IaCBot.Server.Web;

/// <summary>
/// Where the server listens, from the settings Kestrel reads (<c>--urls</c>, <c>ASPNETCORE_URLS</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c>, <c>Kestrel:Endpoints</c>), and whether any of it is reachable from beyond this machine.
/// </summary>
internal static class ListenAddresses
{
    private static readonly string[] PortKeys = ["http_ports", "https_ports"];

    /// <summary>The addresses beyond loopback; empty when everything listens on loopback (or on Kestrel's default, localhost).</summary>
    public static IReadOnlyList<string> BeyondLoopback(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        var ports = PortKeys
            .SelectMany(key => (configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(port => $"every address, port {port}");
        return urls.Where(url => !IsLoopback(url)).Concat(ports).ToList();
    }

    private static bool IsLoopback(string url)
    {
        var host = url.Split("://", 2) is [_, var rest] ? rest : url;
        host = host.Split('/', 2)[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
