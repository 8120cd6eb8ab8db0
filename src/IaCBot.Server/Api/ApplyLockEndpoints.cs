using System.Text.Json;
using IaCBot.Core.Storage;

namespace IaCBot.Server.Api;

/// <summary>
/// <c>GET|PUT|DELETE /api/apply-lock</c>: an administrator disables every apply (and import and state rm) on the
/// server, for an incident or a freeze, and enables them again. Plans go on.
/// </summary>
internal static partial class ApplyLockEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;
    private const int MaxReasonLength = 500;
    private const int MaxByLength = 100;
    private const string DefaultBy = "an administrator";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapApplyLock(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/apply-lock").AddEndpointFilter<ApiTokenFilter>();
        group.MapGet("", GetAsync);
        group.MapPut("", PutAsync);
        group.MapDelete("", DeleteAsync);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(IApplyLockStore store, CancellationToken cancellationToken) =>
        Results.Ok(ApplyLockState.Of(await store.GetAsync(cancellationToken)));

    private static async Task<IResult> PutAsync(
        HttpRequest request, IApplyLockStore store, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Invalid apply lock");
        }

        var held = new ApplyLock(body?.By is { Length: > 0 } by ? by : DefaultBy, time.GetUtcNow(), body?.Reason is { Length: > 0 } reason ? reason : null);
        await store.SetAsync(held, cancellationToken);
        LogDisabled(Logger(loggers), held.SetBy, held.Reason);
        return Results.Ok(ApplyLockState.Of(held));
    }

    private static async Task<IResult> DeleteAsync(IApplyLockStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await store.ClearAsync(cancellationToken))
        {
            LogEnabled(Logger(loggers));
        }

        return Results.Ok(ApplyLockState.Of(null));
    }

    /// <summary>The body, or the reason it is refused. An empty body is fine: the reason is optional.</summary>
    private static async Task<(ApplyLockRequest? Body, string? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBodyBytes)
        {
            return (null, $"The body is over {MaxBodyBytes / 1024} KiB.");
        }

        if (buffer.Length == 0)
        {
            return (null, null);
        }

        ApplyLockRequest? body;
        try
        {
            body = JsonSerializer.Deserialize<ApplyLockRequest>(buffer.ToArray(), Json);
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not the JSON expected, such as {{\"reason\": \"release freeze\"}}: {ex.Message}");
        }

        return (body, CheckText("reason", body?.Reason, MaxReasonLength) ?? CheckText("by", body?.By, MaxByLength));
    }

    /// <remarks>Both values end up in PR comments: one line, of a length a comment can carry.</remarks>
    private static string? CheckText(string field, string? value, int maxLength) =>
        value is null ? null
        : value.Length > maxLength ? $"\"{field}\" is longer than {maxLength} characters."
        : value.Any(char.IsControl) ? $"\"{field}\" must be one line, without control characters."
        : null;

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(ApplyLockEndpoints).FullName!);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applies disabled by {By}: {Reason}")]
    private static partial void LogDisabled(ILogger logger, string by, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applies enabled again")]
    private static partial void LogEnabled(ILogger logger);
}
