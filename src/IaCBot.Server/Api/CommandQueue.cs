using Hangfire;
using IaCBot.Core.Commands;
using IaCBot.Core.Events;
using IaCBot.Core.Ordering;
using IaCBot.Core.Runs;
using IaCBot.Core.Vcs;
using IaCBot.Server.Configuration;
using IaCBot.Server.Jobs;
using IaCBot.Server.Webhooks;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Api;

/// <summary>
/// Turns an API request into the comments a person would write (<c>iacbot plan -d DIR</c>, one per target), checks
/// them as the comment parser does, and queues each as a job with its PR's next ticket, as a webhook would. A
/// request without a pull request goes to <see cref="RefCommandQueue"/>, with the same checks of its targets.
/// </summary>
internal sealed partial class CommandQueue(
    RepoAllowlist allowlist,
    IVcsClient vcs,
    CommentParser parser,
    BotSettings settings,
    PullRequestTurns turns,
    IBackgroundJobClient jobs,
    IOptions<GitHubOptions> github,
    RefCommandQueue refs,
    ILogger<CommandQueue> logger)
{
    private const int MaxTargets = 20;

    public async Task<IResult> QueueAsync(CommandRequest body, string verb, CancellationToken cancellationToken)
    {
        if (ParseRepo(body.Repository) is not { } repo)
        {
            return CommandEndpoints.Problem(StatusCodes.Status400BadRequest, "Invalid repository",
                "\"repository\" must be host/owner/name or owner/name, such as github.com/acme/infra.");
        }

        if (!allowlist.Allows(repo))
        {
            return CommandEndpoints.Problem(StatusCodes.Status403Forbidden, "Repository not allowed", $"{repo} is not in server:repo_allowlist.");
        }

        if (body.Pull is null)
        {
            var (targets, invalid) = Comments(body, verb);
            return invalid is not null
                ? CommandEndpoints.Problem(StatusCodes.Status400BadRequest, "Invalid command", invalid)
                : await refs.QueueAsync(repo, body.Ref, verb, targets, cancellationToken);
        }

        if (body.Pull is not { } number || number <= 0)
        {
            return CommandEndpoints.Problem(StatusCodes.Status400BadRequest, "Invalid pull request",
                "\"pull\" must be a pull request's number; leave it out to run on a ref without a pull request.");
        }

        var pull = new PullRequestRef(repo, number);
        if (await CheckPullAsync(pull, body.Ref, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var (comments, problem) = Comments(body, verb);
        if (problem is not null)
        {
            return CommandEndpoints.Problem(StatusCodes.Status400BadRequest, "Invalid command", problem);
        }

        var queued = new List<object>();
        foreach (var comment in comments)
        {
            var ticket = await turns.IssueAsync(pull, cancellationToken);
            var e = new CommentEvent(pull, CommandEndpoints.ApiUser, comment, ticket, ViaApi: true);
            string job;
            try
            {
                job = jobs.Enqueue<WebhookJobs>(j => j.CommentAsync(e, null, CancellationToken.None));
            }
            catch
            {
                // A ticket without a job would hold up the PR's later commands.
                await turns.AbandonAsync(pull, ticket, CancellationToken.None);
                throw;
            }

            LogQueued(pull, comment, job);
            queued.Add(new { job, command = comment, run = $"/api/runs/{job}" });
        }

        return Results.Accepted(value: new { result = "queued", jobs = queued });
    }

    private async Task<IResult?> CheckPullAsync(PullRequestRef pull, string? expectedRef, CancellationToken cancellationToken)
    {
        PullRequestInfo info;
        try
        {
            info = await vcs.GetPullRequestAsync(pull, cancellationToken);
        }
        catch (VcsException ex) when (ex.StatusCode == StatusCodes.Status404NotFound)
        {
            return CommandEndpoints.Problem(StatusCodes.Status404NotFound, "Pull request not found", $"{pull} does not exist on its Git host.");
        }
        catch (VcsException ex)
        {
            return CommandEndpoints.Problem(StatusCodes.Status502BadGateway, "Git host unavailable", ex.Message);
        }

        if (expectedRef is { Length: > 0 } wanted && !RefMatches(info, wanted))
        {
            return CommandEndpoints.Problem(StatusCodes.Status409Conflict, "The pull request moved on",
                $"{pull}'s head is {info.HeadBranch} at {info.HeadSha}, not {wanted}.");
        }

        return null;
    }

    /// <summary>A branch name, or a commit SHA of at least 7 characters.</summary>
    private static bool RefMatches(PullRequestInfo info, string wanted) =>
        wanted == info.HeadBranch || wanted == $"refs/heads/{info.HeadBranch}"
        || (wanted.Length >= 7 && info.HeadSha.StartsWith(wanted, StringComparison.OrdinalIgnoreCase));

    private (IReadOnlyList<string> Comments, string? Problem) Comments(CommandRequest body, string verb)
    {
        var paths = body.Paths ?? [];
        var projects = body.Projects ?? [];
        if (paths.Count + projects.Count > MaxTargets)
        {
            return ([], $"At most {MaxTargets} paths and projects in one request.");
        }

        var prefix = $"{settings.DefaultCommandName} {verb}";
        var workspace = body.Workspace is { Length: > 0 } ws ? $" -w {ws}" : "";
        var comments = paths.Select(p => $"{prefix} -d {p}{workspace}")
            .Concat(projects.Select(p => $"{prefix} -p {p}"))
            .DefaultIfEmpty(workspace.Length > 0 ? $"{prefix} -d .{workspace}" : prefix)
            .ToList();
        var values = body.Workspace is null ? paths.Concat(projects) : paths.Concat(projects).Append(body.Workspace);
        foreach (var value in values)
        {
            // Each value must stay one word of the command: nothing that would add a flag or arguments.
            if (value.Length == 0 || value.StartsWith('-') || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\'' or '\\' or '`'))
            {
                return ([], $"\"{value}\" is not a directory, project or workspace name.");
            }
        }

        foreach (var comment in comments)
        {
            if (parser.Parse(comment) is CommentParseResult.Invalid invalid)
            {
                return ([], $"`{comment}`: {invalid.Error}");
            }
        }

        return (comments, null);
    }

    private RepoId? ParseRepo(string? repository)
    {
        var parts = (repository ?? "").Trim().Trim('/').Split('/');
        return parts switch
        {
            [var owner, var name] when Valid(owner) && Valid(name) => new RepoId(github.Value.WebHost, owner, name),
            [var host, var owner, var name] when Valid(host) && Valid(owner) && Valid(name) => new RepoId(host.ToLowerInvariant(), owner, name),
            _ => null,
        };
    }

    private static bool Valid(string part) => part.Length > 0 && part != "." && part != ".." && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    [LoggerMessage(Level = LogLevel.Information, Message = "{Pull}: queued `{Command}` from the admin API as job {Job}")]
    private partial void LogQueued(PullRequestRef pull, string command, string job);
}
