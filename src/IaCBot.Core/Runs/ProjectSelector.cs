using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.Projects;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Runs;

/// <summary>
/// Decides which projects a plan covers: reads the run's configuration and matches the changed files (or the
/// comment's -d/-w/-p) against it. A broken config or an unknown project is a reply, not a fault.
/// </summary>
public sealed class ProjectSelector(IVcsClient vcs, RunConfigurationLoader configurations, CommentRenderer renderer)
{
    public async Task<ProjectSelectionResult> SelectAsync(
        PullRequestInfo pull, CommentCommand? command, CancellationToken cancellationToken)
    {
        var (configuration, problem) = await configurations.LoadAsync(pull, cancellationToken);
        if (configuration is null)
        {
            return new ProjectSelectionResult(null, [], problem);
        }

        var changedFiles = await vcs.ListChangedFilesAsync(pull.Ref, cancellationToken);
        if (command is null)
        {
            var touched = ProjectFinder.FindForChanges(changedFiles, configuration.RepoConfig, configuration.Checkout, pull.BaseBranch);
            return new ProjectSelectionResult(configuration, touched, null);
        }

        return ProjectFinder.Select(command, changedFiles, configuration.RepoConfig, configuration.Checkout, pull.BaseBranch) switch
        {
            ProjectSelection.Selected selected => new ProjectSelectionResult(configuration, selected.Projects, null),
            ProjectSelection.Error error => new ProjectSelectionResult(configuration, [], renderer.RenderFailure(error.Message, null)),
            _ => throw new InvalidOperationException("Unknown project selection."),
        };
    }
}
