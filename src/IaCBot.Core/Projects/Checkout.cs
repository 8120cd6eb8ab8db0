using IaCBot.Core.Projects.Modules;

namespace IaCBot.Core.Projects;

/// <summary>
/// Questions about the pull request's checkout, each asked of the file system at most once per directory.
/// </summary>
internal sealed class Checkout(string root)
{
    private readonly Dictionary<string, bool> directoryExists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> holdsConfiguration = new(StringComparer.Ordinal);
    private CheckoutIndex? index;
    private TerraformTree? tree;

    /// <summary>
    /// Every terraform directory of the checkout with its local module calls, read on first use and then kept for the
    /// rest of this choice, so that thousands of projects cost one walk, not one each.
    /// </summary>
    public TerraformTree Tree => tree ??= new TerraformTree((index ??= CheckoutIndex.Build(root)).Terraform);

    /// <summary>
    /// Whether <paramref name="dir"/> exists; once the checkout was walked, a directory the walk entered needs no system
    /// call (hundreds of chosen projects would otherwise cost one each).
    /// </summary>
    public bool DirectoryExists(string dir)
    {
        if (index is not null && index.Walked(dir))
        {
            return true;
        }

        if (!directoryExists.TryGetValue(dir, out var exists))
        {
            exists = Directory.Exists(PathOf(dir));
            directoryExists[dir] = exists;
        }

        return exists;
    }

    /// <summary>
    /// True when <paramref name="dir"/> exists and holds a configuration file (see <see cref="TerraformFiles"/>). A changed
    /// configuration file that still exists answers it without listing the directory.
    /// </summary>
    public bool HoldsTerraform(string dir, IEnumerable<string> changedFilesInDir)
    {
        if (index is not null && index.Walked(dir))
        {
            return index.Terraform.ContainsKey(dir);
        }

        if (holdsConfiguration.TryGetValue(dir, out var holds))
        {
            return holds;
        }

        holds = changedFilesInDir.Any(f => TerraformFiles.IsConfiguration(f) && File.Exists(PathOf(f)))
            || (DirectoryExists(dir) && Directory.EnumerateFiles(PathOf(dir)).Any(TerraformFiles.IsConfiguration));
        holdsConfiguration[dir] = holds;
        return holds;
    }

    private string PathOf(string relative) => relative == "." ? root : Path.Combine(root, relative);
}
