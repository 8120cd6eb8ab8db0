using IaCBot.Core.Runs;
using IaCBot.Core.Storage;

namespace IaCBot.Server.Api;

/// <summary><c>GET /api/locks</c> and <c>DELETE /api/locks/{id}</c>: the held locks, and freeing a stuck one.</summary>
internal static partial class LockEndpoints
{
    public static IEndpointRouteBuilder MapLockApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/locks").AddEndpointFilter<ApiTokenFilter>();
        group.MapGet("", ListAsync);
        group.MapDelete("/{id}", DeleteAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(ILockStore locks, CancellationToken cancellationToken) =>
        Results.Ok((await locks.ListAsync(cancellationToken)).Select(LockView.Of));

    private static async Task<IResult> DeleteAsync(
        string id, LockRelease release, CancellationToken cancellationToken) =>
        await release.ReleaseAsync(id, "api", "API", cancellationToken) is { } released
            ? Results.Ok(LockView.Of(released))
            : Results.Problem($"No lock with id {id} is held.", statusCode: StatusCodes.Status404NotFound, title: "Lock not found");
}
