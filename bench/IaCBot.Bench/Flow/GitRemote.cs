namespace IaCBot.Bench.Flow;

/// <summary>
/// A real git repository in a directory, which the server clones and fetches by its <c>file://</c> URL as it would
/// from GitHub. Commits are made with the git CLI, with a private HOME so the user's git config plays no part.
/// </summary>
internal sealed class GitRemote
{
    public const string DefaultBranch = "main";
    private readonly BenchGit _git;

    private GitRemote(string path, string home)
    {
        Path = path;
        _git = new BenchGit(home);
    }

    public string Path { get; }

    public string CloneUrl => new Uri(Path).AbsoluteUri;

    /// <summary>A repository under <paramref name="parent"/> whose default branch has one empty commit.</summary>
    public static async Task<GitRemote> CreateAsync(string parent)
    {
        var home = System.IO.Path.Combine(parent, "git-home");
        var remote = new GitRemote(System.IO.Path.Combine(parent, "origin"), home);
        Directory.CreateDirectory(remote.Path);
        Directory.CreateDirectory(home);
        await remote.GitAsync("init", "--quiet", "--initial-branch", DefaultBranch);

        // GitHub serves any reachable commit by its sha; the server fetches a PR's head that way.
        await remote.GitAsync("config", "uploadpack.allowAnySHA1InWant", "true");
        await remote.GitAsync("commit", "--quiet", "--allow-empty", "-m", "Initial commit");
        return remote;
    }

    /// <summary>Commits <paramref name="files"/> on a new <paramref name="branch"/> made from the default branch; returns its sha.</summary>
    public async Task<string> CommitAsync(string branch, IReadOnlyDictionary<string, string> files)
    {
        await GitAsync("switch", "--quiet", "--create", branch, DefaultBranch);
        foreach (var (path, content) in files)
        {
            var full = System.IO.Path.Combine(Path, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, content);
        }

        await GitAsync("add", "--all");
        await GitAsync("commit", "--quiet", "-m", $"Change on {branch}");
        var sha = await GitAsync("rev-parse", "HEAD");
        await GitAsync("switch", "--quiet", DefaultBranch);
        return sha;
    }

    public Task<string> HeadAsync(string branch) => GitAsync("rev-parse", $"refs/heads/{branch}");

    private Task<string> GitAsync(params string[] arguments) => _git.RunAsync(Path, arguments);
}
