using IaCBot.Core.RunHistory;
using IaCBot.Server.Runs;

namespace IaCBot.Server.Api;

/// <summary><c>GET /api/runs</c> (latest runs, by repository or PR) and <c>GET /api/runs/{id}</c> with each project's output.</summary>
internal static class RunEndpoints
{
    private const int MaxListed = 200;

    public static IEndpointRouteBuilder MapRunApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/runs").AddEndpointFilter<ApiTokenFilter>();
        group.MapGet("", ListAsync);
        group.MapGet("/{id}", GetAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(
        string? repository, int? limit, IRunHistory history, CancellationToken cancellationToken)
    {
        var runs = await history.ListAsync(new RunQuery(repository, Limit: Math.Clamp(limit ?? 50, 1, MaxListed)), cancellationToken);
        return Results.Ok(runs.Select(r => new
        {
            r.Id, Repository = r.Pull.Repo.ToString(), Pull = r.Pull.Number, Kind = r.Kind.ToString().ToLowerInvariant(), r.Command, r.By,
            Commit = r.HeadSha, r.StartedAt, r.FinishedAt, Outcome = r.Outcome.ToString().ToLowerInvariant(),
        }));
    }

    private static async Task<IResult> GetAsync(string id, IRunHistory history, RunLogFiles logs, CancellationToken cancellationToken) =>
        await history.GetAsync(id, cancellationToken) is { } run
            ? Results.Ok(await RunView.OfAsync(run, logs, cancellationToken))
            : Results.Problem($"No run with id {id}.", statusCode: StatusCodes.Status404NotFound, title: "Run not found");
}
