namespace IaCBot.Infrastructure.Git;

/// <summary>
/// The lock files git makes while it changes a repository (<c>index.lock</c>, <c>shallow.lock</c>,
/// <c>config.lock</c>, a ref's <c>.lock</c>) and removes when it is done; a killed git leaves them behind.
/// </summary>
internal static class GitLockFiles
{
    public static bool AnyIn(string checkout)
    {
        var git = Path.Combine(checkout, ".git");
        if (!Directory.Exists(git))
        {
            return false;
        }

        // Objects are written under temporary names, not .lock files, so the object store is left out of the search.
        return Directory.EnumerateFiles(git, "*.lock").Any()
            || Directory.EnumerateFiles(Path.Combine(git, "refs"), "*.lock", SearchOption.AllDirectories).Any();
    }
}
