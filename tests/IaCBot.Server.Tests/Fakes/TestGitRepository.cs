namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// A real git repository in a temp directory, for the server to clone and fetch over <c>file://</c> as it would
/// from GitHub. Commits are made with the git CLI; the directory goes away on dispose.
/// </summary>
public sealed class TestGitRepository : IDisposable
{
    private readonly string _root;
    private readonly string _home;
    private readonly string _defaultBranch;
    private readonly Lock _gate = new();

    private TestGitRepository(string root, string defaultBranch)
    {
        _root = root;
        _home = System.IO.Path.Combine(root, "home");
        Path = System.IO.Path.Combine(root, "origin");
        _defaultBranch = defaultBranch;
        Directory.CreateDirectory(_home);
        Directory.CreateDirectory(Path);
    }

    /// <summary>The repository's working tree, with the default branch checked out between commits.</summary>
    public string Path { get; }

    public string CloneUrl => new Uri(Path).AbsoluteUri;

    /// <summary>A repository whose default branch has one empty commit, so branches can start from it.</summary>
    public static TestGitRepository Create(string defaultBranch = "main")
    {
        var repository = new TestGitRepository(
            System.IO.Path.Combine(System.IO.Path.GetTempPath(), "iacbot-git-" + Guid.NewGuid().ToString("N")), defaultBranch);
        try
        {
            repository.Git("init", "--quiet", "--initial-branch", defaultBranch);

            // GitHub serves any reachable commit by its sha; the server fetches a PR's head that way.
            repository.Git("config", "uploadpack.allowReachableSHA1InWant", "true");
            repository.Git("config", "uploadpack.allowAnySHA1InWant", "true");
            repository.Git("commit", "--quiet", "--allow-empty", "-m", "Initial commit");
            return repository;
        }
        catch
        {
            repository.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Commits <paramref name="files"/> (path → content; null deletes the file) on <paramref name="branch"/>, which is
    /// made from the default branch if it does not exist yet. Returns the new commit's sha.
    /// </summary>
    public string Commit(string branch, IReadOnlyDictionary<string, string?> files, string message)
    {
        lock (_gate)
        {
            var exists = GitCli.TryRun(Path, _home, "rev-parse", "--verify", "--quiet", $"refs/heads/{branch}").ExitCode == 0;
            Git(exists ? ["switch", "--quiet", branch] : ["switch", "--quiet", "--create", branch, _defaultBranch]);
            try
            {
                foreach (var (path, content) in files)
                {
                    Write(path, content);
                }

                Git("add", "--all");
                Git("commit", "--quiet", "--allow-empty", "-m", message);
                return Git("rev-parse", "HEAD");
            }
            finally
            {
                Git("switch", "--quiet", "--force", _defaultBranch);
            }
        }
    }

    /// <summary>The sha <paramref name="branch"/> points at.</summary>
    public string Head(string branch)
    {
        lock (_gate)
        {
            return Git("rev-parse", "--verify", $"refs/heads/{branch}^{{commit}}");
        }
    }

    /// <summary>The sha a branch, tag or (short) sha names, or null when the repository has no such commit.</summary>
    public string? Resolve(string gitRef)
    {
        lock (_gate)
        {
            var result = GitCli.TryRun(Path, _home, "rev-parse", "--verify", "--quiet", "--end-of-options", $"{gitRef}^{{commit}}");
            return result.ExitCode == 0 ? result.Output.Trim() : null;
        }
    }

    public void Dispose()
    {
        if (!Directory.Exists(_root))
        {
            return;
        }

        // Git writes its objects read-only, which stops a recursive delete on Windows.
        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(_root, recursive: true);
    }

    private string Git(params string[] arguments) => GitCli.Run(Path, _home, arguments);

    private void Write(string relativePath, string? content)
    {
        var segments = relativePath.Split('/', '\\');
        if (System.IO.Path.IsPathRooted(relativePath) || segments.Any(s => s is "" or "." or ".." or ".git"))
        {
            throw new ArgumentException($"'{relativePath}' is not a plain path inside the repository.", nameof(relativePath));
        }

        var fullPath = System.IO.Path.Combine([Path, .. segments]);
        if (content is null)
        {
            File.Delete(fullPath);
            return;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, content);
    }
}
