using IaCBot.Server.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IaCBot.Server.Tests.Harness;

/// <summary>
/// One test's world: a fake GitHub, a real git repository for acme/infra, and IaCBot running against both.
/// </summary>
public abstract class ServerTest : IAsyncLifetime
{
    protected const string Owner = "acme";
    protected const string RepoName = "infra";
    protected const string Author = "alice";
    protected const string Reviewer = "bob";

    private readonly string _dataDir = Directory.CreateTempSubdirectory("iacbot-server-").FullName;
    private IaCBotApp? _app;

    protected FakeGitHub GitHub { get; } = new();

    protected TestGitRepository Repo { get; } = TestGitRepository.Create();

    protected IaCBotApp App => _app ??= new IaCBotApp(GitHub, _dataDir, Settings.Concat(TestSettings).ToDictionary(), TestServices, RealPort);

    /// <summary>Whether the app listens on a real port of 127.0.0.1 (for a browser), rather than in memory.</summary>
    protected virtual bool RealPort => false;

    /// <summary>Services one test replaces before it first touches <see cref="App"/>.</summary>
    protected Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>Settings one test adds before it first touches <see cref="App"/>.</summary>
    protected Dictionary<string, string?> TestSettings { get; } = [];

    /// <summary>Writes a server-side repos.yaml and points server:repo_config at it.</summary>
    protected void UseServerConfig(string reposYaml)
    {
        var path = Path.Combine(_dataDir, "..", Path.GetFileName(_dataDir) + "-repos.yaml");
        File.WriteAllText(path, reposYaml);
        TestSettings["server:repo_config"] = path;
    }

    /// <summary>Settings a test class adds or changes, as in iacbot.yaml.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    protected string DataDir => _dataDir;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GitHub.Dispose();
        Repo.Dispose();
        Directory.Delete(_dataDir, recursive: true);
        if (TestSettings.TryGetValue("server:repo_config", out var reposYaml) && reposYaml is not null)
        {
            File.Delete(reposYaml);
        }
    }

    /// <summary>Commits <paramref name="files"/> on a branch and opens a PR of it on the fake GitHub.</summary>
    protected FakePullRequest OpenPullRequest(int number, IReadOnlyDictionary<string, string?> files, string author = Author)
    {
        var branch = $"change-{number}";
        var sha = Repo.Commit(branch, files, $"Change {number}");
        var pr = GitHub.AddPullRequest(Owner, RepoName, number, author, sha, branch, Repo.CloneUrl);
        pr.Files.AddRange(files.Keys);
        return pr;
    }

    /// <summary>Pushes another commit to the PR's branch, as a developer would.</summary>
    protected string Push(FakePullRequest pr, IReadOnlyDictionary<string, string?> files)
    {
        pr.HeadSha = Repo.Commit(pr.HeadBranch, files, "Another change");
        pr.Files.AddRange(files.Keys.Where(f => !pr.Files.Contains(f)));
        return pr.HeadSha;
    }

    protected async Task<HttpResponseMessage> DeliverPullRequestAsync(string action, FakePullRequest pr)
    {
        var response = await App.DeliverAsync("pull_request", GitHubWebhooks.PullRequest(action, pr, pr.Author));
        response.EnsureSuccessStatusCode();
        return response;
    }

    protected async Task<HttpResponseMessage> CommentAsync(FakePullRequest pr, string body, string user = Author)
    {
        var response = await App.DeliverAsync("issue_comment", GitHubWebhooks.IssueComment(pr, user, body));
        response.EnsureSuccessStatusCode();
        return response;
    }

    /// <summary>Waits for the PR's <paramref name="n"/>th comment (1-based) and returns it.</summary>
    protected async Task<FakeComment> CommentNumberAsync(FakePullRequest pr, int n)
    {
        await GitHub.WaitForCommentAsync(Owner, RepoName, pr.Number, _ => GitHub.Comments(Owner, RepoName, pr.Number).Count >= n);
        return GitHub.Comments(Owner, RepoName, pr.Number)[n - 1];
    }

    protected Task<FakeComment> CommentContainingAsync(FakePullRequest pr, string text) =>
        GitHub.WaitForCommentAsync(Owner, RepoName, pr.Number, c => c.Body.Contains(text, StringComparison.Ordinal));

    protected Task<FakeStatus> StatusAsync(FakePullRequest pr, string context, string state) =>
        GitHub.WaitForStatusAsync(Owner, RepoName, pr.HeadSha, s => s.Context == context && s.State == state);

    protected IReadOnlyList<TerraformCalls.Run> TerraformRuns => TerraformCalls.Under(_dataDir);

    protected static string NullResource(string name) => $"resource \"null_resource\" \"{name}\" {{\n}}\n";
}
