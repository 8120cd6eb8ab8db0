using IaCBot.Core.ServerConfig;

namespace IaCBot.Core.Runs;

// Inside the namespace, so that RepoConfig names the type rather than the IaCBot.Core.RepoConfig namespace.
using IaCBot.Core.RepoConfig;

/// <summary>
/// What a command runs under: the PR's checkout (default workspace), its repo config as read from the commit
/// being planned, and that config merged with the server's policies for the repository.
/// </summary>
public sealed record RunConfiguration(string Checkout, RepoConfig? RepoConfig, EffectiveConfig Effective)
{
    /// <summary>The policy of a selected project: its repo config entry, or the defaults for one found without one.</summary>
    public ProjectPolicy PolicyFor(Projects.Project project) => Effective.ForProject(project.Config ?? ConfigFor(project));

    /// <summary>The config entry of a project known only by its key and name (as a saved plan is).</summary>
    public ProjectConfig? ConfigFor(Projects.Project project) =>
        RepoConfig?.Projects.FirstOrDefault(p => p.Dir == project.Dir && p.Workspace == project.Workspace && p.Name == project.Name);
}
