using IaCBot.Core.Intake;
using IaCBot.Core.Logging;
using IaCBot.Server.Jobs;
using Microsoft.AspNetCore.Http.Features;

namespace IaCBot.Server.Webhooks;

/// <summary>
/// <c>POST /events</c>: finds which configured Git host sent a delivery, verifies and reads it, and answers once it is
/// in the intake journal (see <see cref="IntakeWriter"/>: concurrent deliveries share one commit). The
/// <see cref="IntakePump"/> queues its job later, off the request path, in the order deliveries were accepted.
/// </summary>
internal sealed partial class WebhookEndpoint(
    IEnumerable<IWebhookSource> sources,
    RepoAllowlist allowlist,
    IntakeWriter intake,
    CommandPrefixFilter commandFilter,
    TimeProvider time,
    ILogger<WebhookEndpoint> logger)
{
    /// <summary>GitHub caps payloads at 25 MB; anything bigger is not from a Git host.</summary>
    public const long MaxPayloadBytes = 25 * 1024 * 1024;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        var source = sources.FirstOrDefault(s => s.Recognises(headers));
        if (source is null)
        {
            return Results.Problem(
                "The delivery is not from a configured Git host: an X-GitHub-Event, X-Gitlab-Event or X-Gitea-Event header is required.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        using var body = await ReadBodyAsync(context);
        if (body is null)
        {
            return Results.Problem($"The payload is over {MaxPayloadBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (source.Authenticate(headers, body.Bytes) is { } refusal)
        {
            LogBadSignature(source.Name);
            return Results.Problem(refusal, statusCode: StatusCodes.Status401Unauthorized);
        }

        var envelope = source.Open(headers, body.Bytes);
        using var scope = logger.BeginScope(new LogScope
        {
            ["Host"] = source.Name, ["DeliveryId"] = envelope.DeliveryId, ["Event"] = envelope.EventName,
        });
        if (envelope.Problem is { } problem)
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        // GitHub's delivery ids are kept as they were before other hosts came, so its redeliveries still match.
        var deliveryKey = source.Name == "github" ? envelope.DeliveryId : $"{source.Name}:{envelope.DeliveryId}";
        var parsed = source.Read(envelope, body.Bytes);
        // Read into the event, the bytes go back to the pool now rather than wait for the journal's commit.
        body.Dispose();
        return await DispatchAsync(parsed, envelope.EventName, deliveryKey);
    }

    private async Task<IResult> DispatchAsync(WebhookParseResult parsed, string eventName, string deliveryId)
    {
        switch (parsed)
        {
            case WebhookParseResult.Invalid invalid:
                LogInvalid(invalid.Reason);
                return Results.Problem(invalid.Reason, statusCode: StatusCodes.Status400BadRequest);
            case WebhookParseResult.Ignored ignored:
                return Results.Ok(new { result = "ignored", reason = ignored.Reason });
            case WebhookParseResult.Ping:
                return Results.Ok(new { result = "pong" });
        }

        var pull = parsed is WebhookParseResult.PullRequest pr ? pr.Event.Pull.Ref : ((WebhookParseResult.Comment)parsed).Event.Pull;
        var repo = pull.Repo;
        if (!allowlist.Allows(repo))
        {
            LogNotAllowed(repo);
            return Results.Ok(new { result = "ignored", reason = $"{repo} is not in server:repo_allowlist." });
        }

        if (parsed is WebhookParseResult.Comment comment && !commandFilter.MayBeCommand(comment.Event))
        {
            return Results.Ok(new { result = "ignored", reason = "The comment is not a command." });
        }

        var work = parsed is WebhookParseResult.PullRequest p ? new QueuedWork(p.Event, null) : new QueuedWork(null, ((WebhookParseResult.Comment)parsed).Event);
        bool taken;
        try
        {
            taken = await intake.AppendAsync(new IntakeEntry(deliveryId, eventName, time.GetUtcNow(), work.ToJson()));
        }
        catch (Exception ex)
        {
            LogJournalFailed(ex);
            return Results.Problem("The intake journal is not available; redeliver this event later.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (!taken)
        {
            LogDuplicate();
            return Results.Ok(new { result = "duplicate", reason = "This delivery was received before." });
        }

        return Results.Accepted(value: new { result = "queued" });
    }

    /// <summary>
    /// The body in one pooled array of its declared length (Git hosts send Content-Length), grown only for a body sent
    /// in chunks; null when it is over <see cref="MaxPayloadBytes"/>.
    /// </summary>
    private static async Task<RequestBody?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxPayloadBytes)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxPayloadBytes + 1;
        }

        var declared = context.Request.ContentLength;
        var body = new RequestBody((int)(declared ?? 16 * 1024));
        try
        {
            while (true)
            {
                if (body.Full)
                {
                    // Kestrel ends a body at its Content-Length.
                    if (declared is not null)
                    {
                        return body;
                    }

                    if (body.Length > MaxPayloadBytes)
                    {
                        body.Dispose();
                        return null;
                    }

                    body.Grow((int)Math.Min(body.Length * 2L, MaxPayloadBytes + 1));
                }

                var read = await context.Request.Body.ReadAsync(body.Free, context.RequestAborted);
                if (read == 0)
                {
                    return body;
                }

                body.Advance(read);
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Host} delivery with a missing or wrong secret")]
    private partial void LogBadSignature(string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an unreadable delivery: {Reason}")]
    private partial void LogInvalid(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a delivery for {Repo}, which server:repo_allowlist does not allow")]
    private partial void LogNotAllowed(IaCBot.Core.Vcs.RepoId repo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a delivery received before")]
    private partial void LogDuplicate();

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write a delivery to the intake journal")]
    private partial void LogJournalFailed(Exception exception);
}
