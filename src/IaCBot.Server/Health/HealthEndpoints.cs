namespace IaCBot.Server.Health;

/// <summary>
/// <c>GET /healthz</c>: 200 once the process serves requests (for a liveness probe). <c>GET /readyz</c>: 200 when the
/// store and the job queue answer, else 503 with the reason (for a readiness probe and alerts).
/// </summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok\n"));
        endpoints.MapGet("/readyz", async (ReadinessCheck check, CancellationToken cancellationToken) =>
            await check.ProblemAsync(cancellationToken) is { } problem
                ? Results.Problem(problem, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready")
                : Results.Text("ready\n"));
        return endpoints;
    }
}
