using IaCBot.Core.RepoConfig.Paths;

namespace IaCBot.Core.Projects;

/// <summary>
/// Finds projects without configuration: every directory holding a changed terraform file (<c>*.tf</c>,
/// <c>*.tf.json</c>, <c>*.tfvars</c>, <c>*.tfvars.json</c>) that, in the checkout, still exists and holds
/// terraform configuration. A directory the pull request deleted is thus not planned.
/// </summary>
internal static class ProjectDiscovery
{
    public static IEnumerable<string> ChangedDirs(ChangedFiles files, Checkout checkout) =>
        files.All
            .Where(TerraformFiles.TriggersPlan)
            .GroupBy(RepoPath.DirectoryOf, StringComparer.Ordinal)
            .Where(dir => checkout.HoldsTerraform(dir.Key, dir))
            .Select(dir => dir.Key);
}
