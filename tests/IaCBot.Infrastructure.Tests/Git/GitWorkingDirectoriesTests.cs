using System.Diagnostics;
using System.Runtime.Versioning;
using IaCBot.Core.Git;
using IaCBot.Core.Redaction;
using IaCBot.Core.Vcs;
using IaCBot.Infrastructure.Git;
using IaCBot.Infrastructure.Processes;

namespace IaCBot.Infrastructure.Tests.Git;

[UnsupportedOSPlatform("windows")]
public sealed class GitWorkingDirectoriesTests : IDisposable
{
    private const string Token = "ghp_TESTTOKEN1234567890";
    private readonly string _root = Directory.CreateTempSubdirectory("iacbot-git-").FullName;
    private readonly string _origin;
    private readonly GitWorkingDirectories _checkouts;

    public GitWorkingDirectoriesTests()
    {
        _origin = Path.Combine(_root, "origin");
        Git(_root, "init", "--quiet", "--initial-branch=main", _origin);
        var runner = new CliWrapProcessRunner(TimeProvider.System, TimeSpan.FromSeconds(5), Redactor.None);
        _checkouts = new GitWorkingDirectories(runner, new GitSettings(
            Path.Combine(_root, "repos"),
            new HostGitCredentials(new Dictionary<string, Func<RepoId, CancellationToken, Task<GitCredential?>>> { ["127.0.0.1:9"] = HostGitCredentials.Fixed("x-access-token", Token) }),
            TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task The_pull_requests_head_commit_is_checked_out_in_its_own_directory_per_workspace()
    {
        var sha = Commit("main.tf", "resource \"null_resource\" \"a\" {}");

        var path = await _checkouts.PrepareAsync(Pull(sha), "staging", CancellationToken.None);

        Assert.Equal(Path.Combine(_root, "repos", "github.com", "acme", "infra", "12", "staging"), path);
        Assert.Equal(sha, Git(path, "rev-parse", "HEAD"));
        Assert.True(File.Exists(Path.Combine(path, "main.tf")));
    }

    [Fact]
    public async Task A_new_commit_is_fetched_into_the_same_clone_and_leftovers_go_except_the_terraform_cache()
    {
        var first = Commit("main.tf", "one");
        var path = await _checkouts.PrepareAsync(Pull(first), "default", CancellationToken.None);
        File.WriteAllText(Path.Combine(path, "iacbot-default.tfplan"), "old plan");
        Directory.CreateDirectory(Path.Combine(path, ".terraform", "providers"));

        var second = Commit("main.tf", "two");
        var again = await _checkouts.PrepareAsync(Pull(second), "default", CancellationToken.None);

        Assert.Equal(path, again);
        Assert.Equal(second, Git(path, "rev-parse", "HEAD"));
        Assert.Equal("two", File.ReadAllText(Path.Combine(path, "main.tf")));
        Assert.False(File.Exists(Path.Combine(path, "iacbot-default.tfplan")));
        Assert.True(Directory.Exists(Path.Combine(path, ".terraform", "providers")));
    }

    [Theory]
    [InlineData("index.lock")]
    [InlineData("shallow.lock")]
    [InlineData("refs/heads/main.lock")]
    public async Task A_checkout_a_killed_git_left_locked_is_made_again(string lockFile)
    {
        var path = await _checkouts.PrepareAsync(Pull(Commit("main.tf", "one")), "default", CancellationToken.None);
        var locked = Path.Combine(path, ".git", lockFile);
        Directory.CreateDirectory(Path.GetDirectoryName(locked)!);
        File.WriteAllText(locked, "");

        var second = Commit("main.tf", "two");
        await _checkouts.PrepareAsync(Pull(second), "default", CancellationToken.None);

        Assert.Equal(second, Git(path, "rev-parse", "HEAD"));
        Assert.False(File.Exists(locked));
    }

    [Fact]
    public async Task Projects_sharing_a_workspace_can_prepare_it_at_the_same_time()
    {
        var sha = Commit("main.tf", "one");

        var paths = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _checkouts.PrepareAsync(Pull(sha), "default", CancellationToken.None)));

        Assert.Single(paths.Distinct());
        Assert.Equal(sha, Git(paths[0], "rev-parse", "HEAD"));
    }

    [Fact]
    public async Task An_older_commit_than_the_branch_tip_can_still_be_checked_out()
    {
        var first = Commit("main.tf", "one");
        Commit("main.tf", "two");

        var path = await _checkouts.PrepareAsync(Pull(first), "default", CancellationToken.None);

        Assert.Equal("one", File.ReadAllText(Path.Combine(path, "main.tf")));
    }

    [Fact]
    public async Task The_token_is_never_written_into_the_clone()
    {
        var sha = Commit("main.tf", "x");

        var path = await _checkouts.PrepareAsync(Pull(sha), "default", CancellationToken.None);

        foreach (var file in Directory.EnumerateFiles(Path.Combine(path, ".git"), "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(Token, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_failing_fetch_says_what_failed_without_the_token()
    {
        var onTokenHost = new PullRequestRef(new RepoId("127.0.0.1:9", "acme", "infra"), 12);
        var pull = Pull("0123456789abcdef0123456789abcdef01234567") with { Ref = onTokenHost, HeadCloneUrl = "https://127.0.0.1:9/acme/infra.git" };

        var error = await Assert.ThrowsAsync<GitException>(() => _checkouts.PrepareAsync(pull, "default", CancellationToken.None));

        Assert.StartsWith("Could not fetch commit 0123456 from https://127.0.0.1:9/acme/infra.git", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://gitea.internal:3000/acme/infra.git", "http.http://gitea.internal:3000/.extraHeader")]
    [InlineData("https://gitea.internal:3000/acme/infra.git", "http.https://gitea.internal:3000/.extraHeader")]
    [InlineData("http://elsewhere.example/acme/infra.git", "http.https://gitea.internal:3000/.extraHeader")]
    public async Task The_token_goes_to_the_repositorys_own_host_over_the_scheme_its_clone_url_names(string cloneUrl, string scope)
    {
        // A git that records which URL each fetch was given a credential for, and does nothing else.
        var record = Path.Combine(_root, "scopes.txt");
        var fakeGit = Path.Combine(_root, "fake-git");
        File.WriteAllText(fakeGit, $"#!/bin/sh\nif [ \"$1\" = fetch ]; then echo \"$GIT_CONFIG_KEY_0\" >> '{record}'; fi\nexit 0\n");
        File.SetUnixFileMode(fakeGit, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var host = "gitea.internal:3000";
        var checkouts = new GitWorkingDirectories(
            new CliWrapProcessRunner(TimeProvider.System, TimeSpan.FromSeconds(5), Redactor.None),
            new GitSettings(
                Path.Combine(_root, "repos"),
                new HostGitCredentials(new Dictionary<string, Func<RepoId, CancellationToken, Task<GitCredential?>>> { [host] = HostGitCredentials.Fixed("iacbot", Token) }),
                TimeSpan.FromMinutes(1),
                fakeGit));
        var pull = Pull("0123456789abcdef0123456789abcdef01234567") with
        {
            Ref = new PullRequestRef(new RepoId(host, "acme", "infra", VcsKind.Gitea), 12),
            HeadCloneUrl = cloneUrl,
        };

        await checkouts.PrepareAsync(pull, "default", CancellationToken.None);

        Assert.Equal(scope, File.ReadAllLines(record).Single());
    }

    [Fact]
    public async Task Deleting_a_pull_request_removes_all_its_checkouts()
    {
        var sha = Commit("main.tf", "x");
        await _checkouts.PrepareAsync(Pull(sha), "default", CancellationToken.None);
        await _checkouts.PrepareAsync(Pull(sha), "staging", CancellationToken.None);

        await _checkouts.DeleteAsync(Pull(sha).Ref, CancellationToken.None);

        Assert.False(Directory.Exists(Path.Combine(_root, "repos", "github.com", "acme", "infra", "12")));
    }

    [Fact]
    public async Task A_run_without_a_pull_request_gets_checkouts_of_its_own_that_go_with_it()
    {
        var sha = Commit("main.tf", "x");
        var repo = new RepoId("github.com", "acme", "infra");
        var pullCheckout = await _checkouts.PrepareAsync(Pull(sha), "default", CancellationToken.None);

        var path = await _checkouts.PrepareRunAsync(repo, new RefCommit(sha, new Uri(_origin).AbsoluteUri), "17/../x", "default", CancellationToken.None);
        await _checkouts.DeleteRunAsync(repo, "17/../x", CancellationToken.None);

        Assert.Equal(Path.Combine(_root, "repos", "github.com", "acme", "infra", "runs", "17____x", "default"), path);
        Assert.False(Directory.Exists(path));
        Assert.True(File.Exists(Path.Combine(pullCheckout, "main.tf")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private PullRequestInfo Pull(string sha) => new(
        new PullRequestRef(new RepoId("github.com", "acme", "infra"), 12), "alice", sha, "feature", "main",
        new Uri(_origin).AbsoluteUri, false, PullRequestState.Open, true, "clean", "");

    private string Commit(string file, string content)
    {
        File.WriteAllText(Path.Combine(_origin, file), content);
        Git(_origin, "add", "--all");
        Git(_origin, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "change");
        return Git(_origin, "rev-parse", "HEAD");
    }

    private static string Git(string dir, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {error}");
    }
}
