using Hangfire;
using IaCBot.Core.Access;
using IaCBot.Core.Commands;
using IaCBot.Core.Git;
using IaCBot.Core.Runs;
using IaCBot.Core.Vcs;
using IaCBot.Server.Jobs;

namespace IaCBot.Server.Api;

/// <summary>
/// <c>POST /api/plan</c> and <c>/api/apply</c> without <c>pull</c>: a run of a branch, tag or commit. Everything that
/// can refuse it is checked before it is queued, so that the caller gets the reason as the answer: the ref is
/// resolved on the Git host, the commit is fetched into a checkout of its own to read its repo config and choose its
/// projects (a shallow fetch of one commit), and for an apply the apply switch, the projects' requirements and their
/// locks are looked at. Terraform runs in the queued job, which checks it all again.
/// </summary>
internal sealed partial class RefCommandQueue(
    IVcsClient vcs,
    RefRunner runner,
    IWorkingDirectories checkouts,
    ApplyLockGuard applyLock,
    CommentParser parser,
    IBackgroundJobClient jobs,
    ILogger<RefCommandQueue> logger)
{
    private const int MaxRefLength = 255;

    public async Task<IResult> QueueAsync(RepoId repo, string? gitRef, string verb, IReadOnlyList<string> comments, CancellationToken cancellationToken)
    {
        if (gitRef is null || !IsRefName(gitRef))
        {
            return CommandEndpoints.Problem(StatusCodes.Status400BadRequest, "Invalid ref",
                "Without \"pull\", \"ref\" is required: the branch, tag or commit SHA to run on, such as main, v1.2.0 or 3f2c1ab "
                + "(letters, digits and . _ - / + only).");
        }

        var commands = comments.Select(c => ((CommentParseResult.Parsed)parser.Parse(c)).Command).ToList();
        var kind = commands[0].Kind;
        if (await applyLock.CheckAsync(commands[0], cancellationToken) is { } disabled)
        {
            return CommandEndpoints.Problem(StatusCodes.Status409Conflict, "Applies are disabled", disabled);
        }

        var (commit, hostProblem) = await ResolveAsync(repo, gitRef, cancellationToken);
        if (commit is null)
        {
            return hostProblem!;
        }

        var target = new RefTarget(repo, gitRef, commit);
        var check = "check-" + Guid.NewGuid().ToString("N");
        RefSelection selection;
        try
        {
            selection = await runner.SelectAsync(target, kind, commands, check, cancellationToken);
        }
        catch (GitException ex)
        {
            return CommandEndpoints.Problem(StatusCodes.Status502BadGateway, "Could not fetch the commit", ex.Message);
        }
        finally
        {
            await checkouts.DeleteRunAsync(repo, check, CancellationToken.None);
        }

        if (selection.Refusal is { } refusal)
        {
            return Refused(refusal);
        }

        var work = new RefRun(repo, gitRef, commit.Sha, commit.CloneUrl, kind, comments, CommandEndpoints.ApiUser);
        var job = jobs.Enqueue<RefRunJobs>(j => j.RunAsync(work, null, CancellationToken.None));
        var described = work.Describe();
        LogQueued(repo, gitRef, commit.Sha, described, job);
        return Results.Accepted(value: new
        {
            result = "queued",
            @ref = gitRef,
            commit = commit.Sha,
            projects = selection.Projects.Select(p => new { dir = p.Dir, workspace = p.Workspace, name = p.Name }),
            jobs = new[] { new { job, command = described, run = $"/api/runs/{job}" } },
        });
    }

    private async Task<(RefCommit? Commit, IResult? Problem)> ResolveAsync(RepoId repo, string gitRef, CancellationToken cancellationToken)
    {
        try
        {
            var commit = await vcs.ResolveRefAsync(repo, gitRef, cancellationToken);
            return IsSha(commit.Sha)
                ? (commit, null)
                : (null, CommandEndpoints.Problem(StatusCodes.Status502BadGateway, "Git host unavailable", $"{repo.Host} named a commit that is not a SHA."));
        }
        catch (VcsException ex) when (ex.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status422UnprocessableEntity)
        {
            // GitHub answers 422 for a ref it does not know, and 404 for a repository the bot cannot see.
            return (null, CommandEndpoints.Problem(StatusCodes.Status404NotFound, "Ref not found",
                $"\"{gitRef}\" is not a branch, tag or commit of {repo}, or the repository is not visible to IaCBot."));
        }
        catch (VcsException ex)
        {
            return (null, CommandEndpoints.Problem(StatusCodes.Status502BadGateway, "Git host unavailable", ex.Message));
        }
    }

    private static IResult Refused(RefRefusal refusal) => refusal.Reason switch
    {
        RefRefusalReason.BadTarget => CommandEndpoints.Problem(StatusCodes.Status400BadRequest, "Invalid target", refusal.Message),
        RefRefusalReason.Locked => CommandEndpoints.Problem(StatusCodes.Status409Conflict, "Locked", refusal.Message),
        RefRefusalReason.NeedsPullRequest => CommandEndpoints.Problem(StatusCodes.Status422UnprocessableEntity, "A pull request is required", refusal.Message),
        RefRefusalReason.NoProjects => CommandEndpoints.Problem(StatusCodes.Status422UnprocessableEntity, "Nothing to run", refusal.Message),
        _ => CommandEndpoints.Problem(StatusCodes.Status422UnprocessableEntity, "Invalid repo config", refusal.Message),
    };

    /// <summary>
    /// A ref travels to the Git host's API in a URL path and is shown in the run history; it never reaches git or a
    /// shell (git gets the resolved SHA). Only the characters refs are usually made of, so that it cannot change the
    /// URL it is put in.
    /// </summary>
    private static bool IsRefName(string value) =>
        value.Length is > 0 and <= MaxRefLength
        && value[0] is not ('-' or '/' or '.')
        && !value.EndsWith('/')
        && !value.Contains("..", StringComparison.Ordinal)
        && !value.Contains("//", StringComparison.Ordinal)
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or '+');

    private static bool IsSha(string sha) => sha.Length is 40 or 64 && sha.All(char.IsAsciiHexDigitLower);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Repo}: queued `{Command}` at {Ref} ({Sha}) from the admin API as job {Job}")]
    private partial void LogQueued(RepoId repo, string @ref, string sha, string command, string job);
}
