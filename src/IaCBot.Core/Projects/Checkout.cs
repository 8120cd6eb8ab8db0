using IaCBot.Core.Projects.Modules;

namespace IaCBot.Core.Projects;

/// <summary>
/// Questions about the pull request's checkout, each asked of the file system at most once per directory.
/// </summary>
internal sealed class Checkout(string root)
{
    private readonly Dictionary<string, bool> directoryExists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> holdsConfiguration = new(StringComparer.Ordinal);
    private TerraformTree? tree;

    /// <summary>
    /// Every terraform directory of the checkout with its local module calls, read on first use and then kept for the
    /// rest of this event, so that thousands of projects cost one walk, not one each.
    /// </summary>
    public TerraformTree Tree => tree ??= TerraformTreeScanner.Scan(root);

    public bool DirectoryExists(string dir)
    {
        if (!directoryExists.TryGetValue(dir, out var exists))
        {
            exists = Directory.Exists(PathOf(dir));
            directoryExists[dir] = exists;
        }

        return exists;
    }

    /// <summary>
    /// True when <paramref name="dir"/> exists and holds a <c>*.tf</c> or <c>*.tf.json</c> file. A changed
    /// configuration file that still exists answers it without listing the directory.
    /// </summary>
    public bool HoldsTerraform(string dir, IEnumerable<string> changedFilesInDir)
    {
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
