using IaCBot.Core.Projects.Modules;
using IaCBot.Core.RepoConfig.Paths;

namespace IaCBot.Core.Projects;

/// <summary>
/// Finds projects without configuration, from the changed terraform files (<c>*.tf</c>, <c>*.tf.json</c>, OpenTofu's <c>*.tofu</c>, <c>*.tofu.json</c>,
/// <c>*.tfvars</c>, <c>*.tfvars.json</c>), as Atlantis does with <c>--autoplan-modules</c> on (always, here):
/// <list type="bullet">
/// <item>the directory holding a changed file, when it holds terraform configuration in the checkout (so a directory
/// the pull request deleted is not planned); for a file in a directory without configuration, such as
/// <c>env/staging.tfvars</c>, the nearest directory above it that has some;</item>
/// <item>every directory that calls a changed local module, directly or through other local modules;</item>
/// </list>
/// leaving out directories that are modules rather than root modules (see <see cref="IsModuleOnly"/>).
/// </summary>
internal static class ProjectDiscovery
{
    public static IEnumerable<string> ChangedDirs(ChangedFiles files, Checkout checkout)
    {
        var changed = files.All.Where(TerraformFiles.TriggersPlan).ToArray();
        if (changed.Length == 0)
        {
            return [];
        }

        var tree = checkout.Tree;
        var own = changed.Select(file => OwnDir(file, tree, checkout)).OfType<string>();
        var callers = tree.CallersOf(changed.Select(tree.ModuleContaining).OfType<string>().Distinct(StringComparer.Ordinal));
        return own.Concat(callers).Distinct(StringComparer.Ordinal).Where(dir => !IsModuleOnly(tree, dir)).ToArray();
    }

    /// <summary>
    /// A directory planned only through its callers: one under a <c>modules</c> directory (Atlantis' rule, which
    /// never plans <c>modules/x</c> on its own), or one that other directories call as a local module and that
    /// declares no backend. A module called by others that configures a backend is also a root module of its own.
    /// </summary>
    private static bool IsModuleOnly(TerraformTree tree, string dir) =>
        ("/" + dir + "/").Contains("/modules/", StringComparison.Ordinal)
        || (tree.IsCalledAsModule(dir) && !tree.DeclaresBackend(dir));

    private static string? OwnDir(string file, TerraformTree tree, Checkout checkout)
    {
        var dir = RepoPath.DirectoryOf(file);
        if (tree.HoldsTerraform(dir))
        {
            return dir;
        }

        if (!checkout.DirectoryExists(dir))
        {
            return null;
        }

        while (dir != RepoPath.Root)
        {
            dir = RepoPath.DirectoryOf(dir);
            if (tree.HoldsTerraform(dir))
            {
                return dir;
            }
        }

        return null;
    }
}
