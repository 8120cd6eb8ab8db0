using IaCBot.Core.RunHistory;
using IaCBot.Core.Storage;
using IaCBot.Server.Api;
using IaCBot.Server.Runs;
using Microsoft.AspNetCore.Antiforgery;

namespace IaCBot.Server.Web;

/// <summary>The web UI's routes. Every POST checks the anti-forgery token of the form it came from.</summary>
internal static class WebEndpoints
{
    public static IEndpointRouteBuilder MapWebPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", HomePage.RenderAsync);
        endpoints.MapGet("/locks/{id}", LockPage.RenderAsync);
        endpoints.MapPost("/locks/{id}/unlock", UnlockAsync);
        endpoints.MapPost("/apply-lock", SwitchAppliesAsync);
        endpoints.MapGet("/runs/{id}", RunPage.RenderAsync);
        endpoints.MapGet("/runs/{id}/log", (string id, HttpContext context, RunLogStream stream) => stream.StreamAsync(id, context));
        endpoints.MapGet("/runs/{host}/{**path}", LogFileAsync);
        endpoints.MapGet("/pull", (string? repo, int? number, IRunHistory history, CancellationToken ct) => HistoryPages.PullAsync(repo, number, history, ct));
        endpoints.MapGet("/audit", (string? repo, IRunHistory history, CancellationToken ct) => HistoryPages.AuditAsync(repo, history, ct));
        return endpoints;
    }

    private static async Task<IResult> UnlockAsync(
        string id, HttpContext context, IAntiforgery antiforgery, LockRelease release, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Forbidden();
        }

        await release.ReleaseAsync(id, Forms.User(context), "web UI", cancellationToken);
        return Results.Redirect("/", permanent: false);
    }

    private static async Task<IResult> SwitchAppliesAsync(
        HttpContext context, IAntiforgery antiforgery, IApplyLockStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Forbidden();
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        if (form["action"] == "disable")
        {
            var reason = form["reason"].ToString().Trim();
            reason = reason.Length > 500 || reason.Any(char.IsControl) ? reason[..Math.Min(reason.Length, 500)].ReplaceLineEndings(" ") : reason;
            await store.SetAsync(new ApplyLock(Forms.User(context), time.GetUtcNow(), reason.Length > 0 ? reason : null), cancellationToken);
        }
        else
        {
            await store.ClearAsync(cancellationToken);
        }

        return Results.Redirect("/", permanent: false);
    }

    /// <summary>
    /// A run's whole log as text: the link replies give when an output is too long to show. Another replica's log is
    /// the copy it stored when the run ended.
    /// </summary>
    private static async Task<IResult> LogFileAsync(string host, string path, RunLogFiles logs, CancellationToken cancellationToken)
    {
        var relative = $"{Core.RunLogs.RunLogSettings.FolderName}/{host}/{path}";
        if (logs.Resolve(relative) is not { } file)
        {
            return LogNotFound();
        }

        if (File.Exists(file))
        {
            return Results.Stream(RunLogFiles.Open(file), "text/plain; charset=utf-8");
        }

        return await logs.ReadStoredAsync(relative, cancellationToken) is { } stored
            ? Results.Text(stored, "text/plain; charset=utf-8")
            : LogNotFound();
    }

    private static IResult LogNotFound() => Html.NotFound("No such log (it may be older than server:log_retention).");

    private static IResult Forbidden() =>
        Html.Page("Refused", "<p>The form has expired or did not come from this site. Go back, reload the page and try again.</p>", StatusCodes.Status400BadRequest);
}
