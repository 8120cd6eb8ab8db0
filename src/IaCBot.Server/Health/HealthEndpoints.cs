namespace IaCBot.Server.Health;

/// <summary><c>GET /healthz</c>: 200 once the server has started (settings valid, store open).</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok\n"));
        return endpoints;
    }
}
