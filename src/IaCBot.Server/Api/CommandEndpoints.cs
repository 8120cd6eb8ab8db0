using System.Text.Json;

namespace IaCBot.Server.Api;

/// <summary>
/// <c>POST /api/plan</c> and <c>POST /api/apply</c>. With <c>pull</c>: queue the same job a PR comment would,
/// attributed to <c>api</c>, recorded in the run history and answered on the PR like any command. Applies keep every
/// check a comment gets (the plan is fresh, the apply requirements are met, applies are not disabled) except the
/// commenter's permission: the caller holds api:secret. Without <c>pull</c>: plan, or plan and apply, a ref in a job
/// of its own that only the run history records (see <see cref="RefCommandQueue"/>).
/// </summary>
internal static class CommandEndpoints
{
    public const string ApiUser = "api";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapCommandApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api").AddEndpointFilter<ApiTokenFilter>();
        group.MapPost("/plan", (HttpRequest request, CommandQueue queue, CancellationToken ct) => HandleAsync(request, "plan", queue, ct));
        group.MapPost("/apply", (HttpRequest request, CommandQueue queue, CancellationToken ct) => HandleAsync(request, "apply", queue, ct));
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, string verb, CommandQueue queue, CancellationToken cancellationToken)
    {
        CommandRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<CommandRequest>(request.Body, Json, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid body", $"The body is not the JSON expected: {ex.Message}");
        }

        if (body is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid body", "A JSON body is required, such as {\"repository\": \"acme/infra\", \"pull\": 12}.");
        }

        return await queue.QueueAsync(body, verb, cancellationToken);
    }

    internal static IResult Problem(int status, string title, string detail) => Results.Problem(detail, statusCode: status, title: title);
}
