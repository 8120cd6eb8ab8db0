using IaCBot.Core.Commands;
using IaCBot.Core.Projects;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.RunLogs;
using IaCBot.Core.Terraform;
using IaCBot.Core.Vcs;
using IaCBot.Core.Workflows;

namespace IaCBot.Core.Runs;

/// <summary>
/// Builds a project's step context, with the terraform binary for its version and distribution and the run's log file
/// for the project.
/// </summary>
public sealed class StepContexts(ITerraformBinaries binaries, RunLog runLog, RunHistory.RunRecorder? recorder = null)
{
    /// <summary>The context, or why the project cannot run (its directory is gone, its terraform version missing).</summary>
    public async Task<(StepContext? Context, string? Problem)> CreateAsync(
        PullRequestInfo pull, Project project, string checkout, string user, CommentCommand? command, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(PlanFiles.ProjectDirectory(checkout, project)))
        {
            return (null, $"The directory `{project.Dir}` does not exist at commit {ShortSha(pull.HeadSha)}.");
        }

        try
        {
            var distribution = project.Config?.TerraformDistribution ?? TerraformDistribution.Terraform;
            var binary = await binaries.ResolveAsync(project.TerraformVersion, distribution, cancellationToken);
            var log = runLog.ForProject(pull.Ref, project);
            var context = new StepContext(pull, project, checkout, user, command?.CommandName ?? "", command?.ExtraArgs ?? [], command?.Arguments ?? [], binary)
            {
                Log = log,
                Steps = recorder?.Project(project, log),
            };
            if (recorder is not null)
            {
                await recorder.CommitAsync(pull.HeadSha, cancellationToken);
            }

            return (context, null);
        }
        catch (TerraformBinaryException ex)
        {
            return (null, ex.Message);
        }
    }

    public static string ShortSha(string sha) => sha.Length > 7 ? sha[..7] : sha;
}
