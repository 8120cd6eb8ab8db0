using Hangfire;
using IaCBot.Core.Events;
using IaCBot.Core.Ordering;
using IaCBot.Core.Storage;
using IaCBot.Server.Configuration;
using IaCBot.Server.Jobs;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Webhooks;

/// <summary>
/// <c>POST /events</c>: finds which configured Git host sent a delivery, verifies it, records its id, queues its work
/// and answers at once. Nothing slow happens here: git and terraform run in the queued job. Each queued delivery gets
/// its PR's next ticket, which keeps the PR's commands in the order they arrived (see <see cref="PullRequestTurns"/>).
/// </summary>
internal sealed partial class WebhookEndpoint(
    IEnumerable<IWebhookSource> sources,
    RepoAllowlist allowlist,
    IDeliveryStore deliveries,
    IBackgroundJobClient jobs,
    PullRequestTurns turns,
    CommandPrefixFilter commandFilter,
    ServerInstance instance,
    TimeProvider time,
    ILogger<WebhookEndpoint> logger)
{
    /// <summary>GitHub caps payloads at 25 MB; anything bigger is not from a Git host.</summary>
    public const long MaxPayloadBytes = 25 * 1024 * 1024;

    private const int EnqueueAttempts = 4;

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

        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            return Results.Problem($"The payload is over {MaxPayloadBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (source.Authenticate(headers, body) is { } refusal)
        {
            LogBadSignature(source.Name);
            return Results.Problem(refusal, statusCode: StatusCodes.Status401Unauthorized);
        }

        var envelope = source.Open(headers, body);
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["Host"] = source.Name, ["DeliveryId"] = envelope.DeliveryId, ["Event"] = envelope.EventName,
        });
        if (envelope.Problem is { } problem)
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        // GitHub's delivery ids are kept as they were before other hosts came, so its redeliveries still match.
        var deliveryKey = source.Name == "github" ? envelope.DeliveryId : $"{source.Name}:{envelope.DeliveryId}";
        return await DispatchAsync(source.Read(envelope, body), envelope.EventName, deliveryKey, context.RequestAborted);
    }

    private async Task<IResult> DispatchAsync(WebhookParseResult parsed, string eventName, string deliveryId, CancellationToken cancellationToken)
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

        if (!await deliveries.TryRecordAsync(deliveryId, eventName, time.GetUtcNow(), instance.Id, cancellationToken))
        {
            LogDuplicate();
            return Results.Ok(new { result = "duplicate", reason = "This delivery was received before." });
        }

        long? ticket = null;
        string? jobId = null;
        try
        {
            ticket = await turns.IssueAsync(pull, cancellationToken);
            jobId = await EnqueueAsync(parsed, ticket.Value, cancellationToken);
            await deliveries.MarkQueuedAsync(deliveryId, CancellationToken.None);
            return Results.Accepted(value: new { result = "queued", job = jobId });
        }
        catch (OperationCanceledException) when (jobId is null)
        {
            // The sender hung up before the work was queued: it will redeliver, and that must not be a duplicate.
            await deliveries.ForgetAsync(deliveryId, CancellationToken.None);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Unrecord it, so that a redelivery from the host's settings page is taken rather than called a duplicate.
            await deliveries.ForgetAsync(deliveryId, CancellationToken.None);
            LogQueueFailed(ex);
            return Results.Problem("The job queue is not available; redeliver this event later.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        finally
        {
            // A ticket without a job would hold up the PR's later commands.
            if (jobId is null && ticket is { } unused)
            {
                await turns.AbandonAsync(pull, unused, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Queues the work. The embedded queue is a SQLite file that a worker may hold for a moment, so a busy
    /// queue is asked again a few times before the delivery is given up.
    /// </summary>
    private async Task<string> EnqueueAsync(WebhookParseResult parsed, long ticket, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return parsed switch
                {
                    WebhookParseResult.PullRequest p => Enqueue(p.Event with { Ticket = ticket }),
                    WebhookParseResult.Comment c => Enqueue(c.Event with { Ticket = ticket }),
                    _ => throw new InvalidOperationException("Unexpected webhook result."),
                };
            }
            catch (Exception ex) when (attempt < EnqueueAttempts && ex is not (OperationCanceledException or InvalidOperationException))
            {
                LogQueueBusy(ex, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), time, cancellationToken);
            }
        }
    }

    private string Enqueue(PullRequestEvent e) => jobs.Enqueue<WebhookJobs>(j => j.PullRequestAsync(e, null, CancellationToken.None));

    private string Enqueue(CommentEvent e) => jobs.Enqueue<WebhookJobs>(j => j.CommentAsync(e, null, CancellationToken.None));

    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxPayloadBytes)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxPayloadBytes + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxPayloadBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Host} delivery with a missing or wrong secret")]
    private partial void LogBadSignature(string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an unreadable delivery: {Reason}")]
    private partial void LogInvalid(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a delivery for {Repo}, which server:repo_allowlist does not allow")]
    private partial void LogNotAllowed(IaCBot.Core.Vcs.RepoId repo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a delivery received before")]
    private partial void LogDuplicate();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job queue refused a delivery (attempt {Attempt}); asking again")]
    private partial void LogQueueBusy(Exception exception, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue a delivery")]
    private partial void LogQueueFailed(Exception exception);
}
