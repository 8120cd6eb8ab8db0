using IaCBot.Core.Projects.Modules;
using IaCBot.Core.RepoConfig.Paths;

namespace IaCBot.Core.Projects;

/// <summary>
/// A project <c>dir</c> written as a glob (<c>envs/*</c>, <c>stacks/**</c>): as in Atlantis, it stands for every
/// directory of the checkout that matches it (doublestar syntax, so <c>stacks/**</c> includes <c>stacks</c>) and holds
/// terraform configuration. See https://github.com/runatlantis/atlantis/pull/6006.
/// </summary>
internal static class DirGlob
{
    /// <summary>Atlantis' test for a glob: <c>*</c>, <c>?</c> or <c>[</c>; braces alone leave a dir literal.</summary>
    public static bool IsGlob(string dir) => dir.AsSpan().IndexOfAny("*?[") >= 0;

    public static IEnumerable<string> Expand(string pattern, TerraformTree tree) =>
        DoublestarGlob.TryParse(pattern, out var glob, out _) ? tree.Dirs.Where(dir => glob!.IsMatch(dir)) : [];
}
