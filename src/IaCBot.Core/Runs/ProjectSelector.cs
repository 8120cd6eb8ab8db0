using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.Git;
using IaCBot.Core.Projects;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Runs;

/// <summary>
/// Decides which projects a plan covers: checks out the PR, reads its repo config and matches the changed files
/// (or the comment's -d/-w/-p) against it. A broken config or an unknown project is a reply, not a fault.
/// </summary>
public sealed class ProjectSelector(IVcsClient vcs, IWorkingDirectories checkouts, CommentRenderer renderer)
{
    public async Task<ProjectSelectionResult> SelectAsync(
        PullRequestInfo pull, CommentCommand? command, CancellationToken cancellationToken)
    {
        var checkout = await checkouts.PrepareAsync(pull, ProjectKey.DefaultWorkspace, cancellationToken);
        var config = RepoConfigLoader.Load(checkout);
        if (config is RepoConfigLoadResult.Invalid invalid)
        {
            var details = string.Join('\n', invalid.Errors.Select(e => e.ToString()));
            var problem = renderer.RenderFailure($"`{invalid.FileName}` is not valid, so nothing was planned.", details);
            return new ProjectSelectionResult(checkout, [], problem);
        }

        var repoConfig = (config as RepoConfigLoadResult.Loaded)?.Config;
        var changedFiles = await vcs.ListChangedFilesAsync(pull.Ref, cancellationToken);
        if (command is null)
        {
            return new ProjectSelectionResult(checkout, ProjectFinder.FindForChanges(changedFiles, repoConfig, checkout, pull.BaseBranch), null);
        }

        return ProjectFinder.Select(command, changedFiles, repoConfig, checkout, pull.BaseBranch) switch
        {
            ProjectSelection.Selected selected => new ProjectSelectionResult(checkout, selected.Projects, null),
            ProjectSelection.Error error => new ProjectSelectionResult(checkout, [], renderer.RenderFailure(error.Message, null)),
            _ => throw new InvalidOperationException("Unknown project selection."),
        };
    }
}
