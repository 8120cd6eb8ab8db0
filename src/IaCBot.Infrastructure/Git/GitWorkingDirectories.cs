using System.Text;
using IaCBot.Core.Git;
using IaCBot.Core.Processes;
using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Git;

/// <summary>
/// Keeps each PR's checkouts under <c>repos/&lt;host&gt;/&lt;owner&gt;/&lt;repo&gt;/&lt;pr&gt;/&lt;workspace&gt;</c>. It fetches exactly the
/// PR's head commit, so what is planned is what was pushed, and a later push only fetches what is new.
/// The token travels in an HTTP header set through git's environment: never in the URL, the argument list,
/// <c>.git/config</c> or git's output.
/// </summary>
internal sealed class GitWorkingDirectories(IProcessRunner processes, GitSettings settings) : IWorkingDirectories
{
    private readonly KeyedGate _checkouts = new();

    public Task<string> PrepareAsync(PullRequestInfo pull, string workspace, CancellationToken cancellationToken) =>
        PrepareAtAsync(Path.Combine(PullDirectory(pull.Ref), workspace), pull.Ref.Repo, pull.HeadCloneUrl, pull.HeadSha, cancellationToken);

    public Task<string> PrepareRunAsync(RepoId repo, RefCommit commit, string run, string workspace, CancellationToken cancellationToken) =>
        PrepareAtAsync(Path.Combine(RunDirectory(repo, run), workspace), repo, commit.CloneUrl, commit.Sha, cancellationToken);

    public Task DeleteRunAsync(RepoId repo, string run, CancellationToken cancellationToken)
    {
        DeleteDirectory(RunDirectory(repo, run));
        return Task.CompletedTask;
    }

    private async Task<string> PrepareAtAsync(string path, RepoId repo, string cloneUrl, string sha, CancellationToken cancellationToken)
    {
        // Projects applied in parallel may share a workspace's checkout: one git at a time in it.
        using var turn = await _checkouts.EnterAsync(path, cancellationToken);
        if (GitLockFiles.AnyIn(path))
        {
            // Only one git runs in a checkout at a time, so a lock file now was left by a git that was killed (a crash,
            // a timeout); it would fail every later command. The checkout is a cache: make it again.
            DeleteDirectory(path);
        }

        if (await CurrentCommitAsync(path, cancellationToken) == sha)
        {
            return path;
        }

        if (!Directory.Exists(Path.Combine(path, ".git")))
        {
            DeleteDirectory(path);
            Directory.CreateDirectory(path);
            await GitAsync(path, ["init", "--quiet"], "prepare a checkout", cancellationToken);
            await GitAsync(path, ["remote", "add", "origin", cloneUrl], "prepare a checkout", cancellationToken);
        }
        else
        {
            await GitAsync(path, ["remote", "set-url", "origin", cloneUrl], "prepare a checkout", cancellationToken);
        }

        var action = $"fetch commit {Short(sha)} from {Redact(cloneUrl)}";
        await FetchAsync(repo, cloneUrl, path, ["fetch", "--quiet", "--no-tags", "--depth", "1", "origin", sha], action, cancellationToken);
        await GitAsync(path, ["checkout", "--quiet", "--force", "--detach", sha], $"check out {Short(sha)}", cancellationToken);

        // Files the old commit's run left behind (plan files among them) must not leak into the new one; the
        // provider cache in .terraform is kept so init stays fast.
        await GitAsync(path, ["clean", "-ffdxq", "-e", ".terraform/", "-e", ".terraform.lock.hcl"], "clean the checkout", cancellationToken);
        return path;
    }

    public async Task<bool> IsUndivergedAsync(PullRequestInfo pull, CancellationToken cancellationToken)
    {
        var path = await PrepareAsync(pull, "default", cancellationToken);

        // The checkout holds one commit; the check needs the history that links the head to the base branch.
        var shallow = await processes.RunAsync(Spec(path, ["rev-parse", "--is-shallow-repository"], null), cancellationToken);
        if (shallow.Output.Trim() == "true")
        {
            await FetchAsync(pull.Ref.Repo, pull.HeadCloneUrl, path, ["fetch", "--quiet", "--no-tags", "--unshallow", "origin", pull.HeadSha], "fetch the pull request's history", cancellationToken);
        }

        var baseUrl = pull.BaseCloneUrl ?? pull.HeadCloneUrl;
        await FetchAsync(pull.Ref.Repo, baseUrl, path, ["fetch", "--quiet", "--no-tags", baseUrl, $"+refs/heads/{pull.BaseBranch}:refs/iacbot/base"],
            $"fetch the base branch {pull.BaseBranch}", cancellationToken);
        var ancestor = await processes.RunAsync(Spec(path, ["merge-base", "--is-ancestor", "refs/iacbot/base", "HEAD"], null), cancellationToken);
        return ancestor.Succeeded;
    }

    public Task DeleteAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        DeleteDirectory(PullDirectory(pull));
        return Task.CompletedTask;
    }

    private string PullDirectory(PullRequestRef pull) =>
        Path.Combine(settings.ReposRoot, pull.Repo.Host.Replace(':', '_'), pull.Repo.Owner, pull.Repo.Name, pull.Number.ToString());

    /// <summary>
    /// Beside the PRs' numbered folders, under <c>runs</c>: a run's name is made of letters, digits and dashes only,
    /// so it can never reach outside.
    /// </summary>
    private string RunDirectory(RepoId repo, string run) =>
        Path.Combine(settings.ReposRoot, repo.Host.Replace(':', '_'), repo.Owner, repo.Name, "runs",
            new string(run.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_').ToArray()));

    private async Task<string?> CurrentCommitAsync(string path, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(path, ".git")))
        {
            return null;
        }

        var result = await processes.RunAsync(Spec(path, ["rev-parse", "HEAD"], null), cancellationToken);
        return result.Succeeded ? result.Output.Trim() : null;
    }

    private async Task FetchAsync(RepoId repo, string url, string path, string[] arguments, string action, CancellationToken cancellationToken)
    {
        var credential = await settings.Credentials.ForRepoAsync(repo, cancellationToken);
        await GitAsync(path, arguments, action, cancellationToken, credential is null ? null : (CredentialScope(repo.Host, url), credential));
    }

    /// <summary>
    /// The URL prefix the credential goes to: the repository's host over https, or over plain http when the host's
    /// own clone URL says http (a self-hosted Gitea or GitLab without TLS, as its administrator set it up).
    /// </summary>
    private static string CredentialScope(string host, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp
            && string.Equals(uri.Authority, host, StringComparison.OrdinalIgnoreCase)
            ? $"http://{host}/"
            : $"https://{host}/";

    private async Task GitAsync(
        string path, string[] arguments, string action, CancellationToken cancellationToken, (string Scope, GitCredential Credential)? login = null)
    {
        var result = await processes.RunAsync(Spec(path, arguments, login), cancellationToken);
        if (!result.Succeeded)
        {
            var why = result.TimedOut ? "it took too long" : LastLines(result.Output);
            throw new GitException($"Could not {action}: {why}");
        }
    }

    private ProcessSpec Spec(string path, string[] arguments, (string Scope, GitCredential Credential)? login)
    {
        var environment = new Dictionary<string, string?>
        {
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_ASKPASS"] = null,
            ["SSH_ASKPASS"] = null,
        };
        var secrets = new List<string>();
        if (login is var (scope, credential))
        {
            // git sends a URL-scoped http.<url>.extraHeader only to that URL, so the token reaches the repository's
            // own host and nothing else, whatever clone URL a PR names.
            var header = "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.User}:{credential.Password}"));
            environment["GIT_CONFIG_KEY_0"] = $"http.{scope}.extraHeader";
            environment["GIT_CONFIG_VALUE_0"] = header;
            environment["GIT_CONFIG_COUNT"] = "1";
            secrets.Add(credential.Password);
            secrets.Add(header);
        }

        return new ProcessSpec(settings.GitBinary, arguments, path, settings.Timeout, environment, secrets);
    }

    private static string LastLines(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "git printed nothing." : string.Join(" ", lines.TakeLast(3));
    }

    private static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString()
            : url;

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;

    private static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
