using IaCBot.Core.RepoConfig.Paths;

namespace IaCBot.Core.Projects.Modules;

/// <summary>
/// Turns a module <c>source</c> into the repository directory it names, for local paths only: terraform treats a
/// source as a local path exactly when it begins with <c>./</c> or <c>../</c>; registry addresses, <c>git::</c>,
/// URLs and the like are fetched from elsewhere and cannot change with the pull request.
/// See https://developer.hashicorp.com/terraform/language/modules/sources#local-paths.
/// </summary>
internal static class LocalModuleSource
{
    public static bool TryResolve(string callerDir, string source, out string moduleDir)
    {
        moduleDir = RepoPath.Root;
        if (!(source.StartsWith("./", StringComparison.Ordinal) || source.StartsWith("../", StringComparison.Ordinal)))
        {
            return false;
        }

        var joined = RepoPath.Join(callerDir, source);
        if (joined == ".." || joined.StartsWith("../", StringComparison.Ordinal) || joined == callerDir)
        {
            return false;
        }

        moduleDir = joined;
        return true;
    }
}
