using System.Text;
using Hangfire;
using IaCBot.Core.Runs;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace IaCBot.Server.Tests.Flows;

/// <summary>
/// Secrets never leak: the GitHub token, the webhook secret and the server:redact values, printed by steps, hooks,
/// terraform, git and the Git host, are masked in every comment, status and log line, and written into no file
/// under data_dir; the plan's sensitive values are masked in what a project's steps show.
/// </summary>
public sealed class SecretsTests : ServerTest
{
    private const string EchoedRedact = "redact/me+7f3a";
    private const string KnobRedact = "knob-secret-91c2";
    private const string Sensitive = "tf-sensitive-5d8e";

    // Holds twelve digits, which the step's filter_regex (for account ids) would mask on its own, leaving the rest.
    private const string FilteredRedact = "acct-123456789012-key";

    private static readonly Dictionary<string, string?> Files = new()
    {
        ["app/main.tf"] = $$"""
            # fake-terraform: secret-output plan {{KnobRedact}}
            variable "db_password" {
              default   = "{{Sensitive}}"
              sensitive = true
            }

            output "db_password" {
              value     = var.db_password
              sensitive = true
            }

            """ + NullResource("a"),
    };

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        // The comma-separated form, as an environment variable would carry it.
        ["server:redact"] = $"{EchoedRedact},{KnobRedact},{FilteredRedact}",
        ["Logging:LogLevel:Default"] = "Trace",
    };

    private string Token => GitHub.Token;

    [Fact]
    public async Task No_secret_reaches_a_comment_a_status_a_log_line_or_a_file_under_data_dir()
    {
        UseServerConfig(ReposYaml());

        var plan = await PlanAndApplyAsync();
        var clone = await FailingCloneAsync();
        var hostError = await HostErrorAsync();
        var failedStep = await FailingStepAsync();
        var refused = await RefusedCommentAsync();
        await WaitForFailedJobsAsync(2);
        await StopAsync();

        Assert.Contains("token=*** webhook=*** redact=***", plan.Body, StringComparison.Ordinal);
        Assert.Contains("url=***", plan.Body, StringComparison.Ordinal);
        Assert.Contains("account key=***", plan.Body, StringComparison.Ordinal);
        Assert.Contains("from the step=***", plan.Body, StringComparison.Ordinal);
        Assert.Contains("default   = \"***\"", plan.Body, StringComparison.Ordinal);
        Assert.Contains("for a deprecated argument:\n│   ***", plan.Body, StringComparison.Ordinal);
        Assert.Contains("Could not fetch commit", clone.Body, StringComparison.Ordinal);
        Assert.Contains("GitHub answered 422", hostError.Body, StringComparison.Ordinal);
        Assert.Contains("--token=***` failed with exit code", failedStep.Body, StringComparison.Ordinal);
        Assert.Contains(GitHub.Statuses(Owner, RepoName, plan.Sha), s => s.Description.StartsWith("echo \"hook token=***", StringComparison.Ordinal));
        Assert.Contains(App.Logs.Entries, e => e.Contains("hook token=***", StringComparison.Ordinal));

        var comments = Enumerable.Range(1, 5).SelectMany(n => GitHub.Comments(Owner, RepoName, n)).Select(c => c.Body).ToList();
        var statuses = new[] { plan.Sha, clone.Sha, hostError.Sha, failedStep.Sha, refused }.SelectMany(sha => GitHub.Statuses(Owner, RepoName, sha))
            .Select(s => $"{s.Context} {s.Description} {s.TargetUrl}").ToList();
        foreach (var secret in Needles())
        {
            Assert.DoesNotContain(comments, c => c.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(statuses, s => s.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(App.Logs.Entries, e => e.Contains(secret, StringComparison.Ordinal));
            Assert.Empty(FilesHolding(secret));
        }

        Assert.DoesNotContain(comments, c => c.Contains("acct-", StringComparison.Ordinal));
        Assert.DoesNotContain(comments, c => c.Contains(Sensitive, StringComparison.Ordinal));
        Assert.DoesNotContain(App.Logs.Entries, e => e.Contains(Sensitive, StringComparison.Ordinal));
    }

    /// <summary>A workflow and a hook that print every secret, in the forms they travel in.</summary>
    private string ReposYaml() => $$"""
        repos:
        - id: /.*/
          workflow: leaky
          pre_workflow_hooks:
          - run: echo "hook token={{Token}} secret={{IaCBotApp.WebhookSecret}} redact={{EchoedRedact}}"
        workflows:
          leaky:
            plan:
              steps:
              - init
              - run: grep -h default *.tf || true
              - plan
              - run: echo "token={{Token}} webhook={{IaCBotApp.WebhookSecret}} redact={{EchoedRedact}}"
              - run: printf 'x-access-token:{{Token}}' | base64
              - run: echo "url={{Uri.EscapeDataString(EchoedRedact)}}"
              - run: echo "from the step=$(grep -o 'tf-sensitive-[a-z0-9]*' "$SHOWFILE" | head -n 1)"
              - run:
                  command: echo "account key={{FilteredRedact}}"
                  output:
                  - show
                  - filter_regex: '[0-9]{12}'
              - run: test "$PULL_NUM" != 4 || ./deploy --token={{Token}}
            apply:
              steps:
              - run: echo "applying as {{Token}}"
              - apply
        """;

    private async Task<(string Body, string Sha)> PlanAndApplyAsync()
    {
        var pr = OpenPullRequest(1, Files);

        // The host refuses the first comment with an error that repeats secrets; the outbox keeps that error.
        GitHub.FailNext("POST", "/issues/1/comments", 422, body: $"Validation Failed: {Token} {IaCBotApp.WebhookSecret} {EchoedRedact}");
        await DeliverPullRequestAsync("opened", pr);
        var plan = await CommentContainingAsync(pr, "Ran plan");

        await CommentAsync(pr, "iacbot apply");
        await CommentContainingAsync(pr, "Ran apply");
        await StatusAsync(pr, StatusContexts.Apply, "success");
        return (plan.Body, pr.HeadSha);
    }

    /// <summary>A clone from the Git host's own https address, so git is handed the token, that fails.</summary>
    private async Task<(string Body, string Sha)> FailingCloneAsync()
    {
        var sha = Repo.Commit("change-2", Files, "Change 2");
        var tokenHost = new Uri(GitHub.ApiUrl).Authority;
        var pr = GitHub.AddPullRequest(Owner, RepoName, 2, Author, sha, "change-2", $"https://{tokenHost}/{Owner}/{RepoName}.git");
        pr.Files.AddRange(Files.Keys);

        await DeliverPullRequestAsync("opened", pr);

        return ((await CommentContainingAsync(pr, "could not finish")).Body, sha);
    }

    /// <summary>The Git host answers a read with an error that repeats secrets.</summary>
    private async Task<(string Body, string Sha)> HostErrorAsync()
    {
        var pr = OpenPullRequest(3, Files);
        GitHub.FailNext("GET", "/pulls/3/files", 422, body: $"Validation Failed: {Token} {IaCBotApp.WebhookSecret} {KnobRedact}");

        await DeliverPullRequestAsync("opened", pr);

        return ((await CommentContainingAsync(pr, "could not finish")).Body, pr.HeadSha);
    }

    /// <summary>A step fails whose command line holds the token; the failure names the command.</summary>
    private async Task<(string Body, string Sha)> FailingStepAsync()
    {
        // Another directory: #1 still holds the lock on app.
        var pr = OpenPullRequest(4, new Dictionary<string, string?> { ["ops/main.tf"] = NullResource("b") });

        await DeliverPullRequestAsync("opened", pr);

        return ((await CommentContainingAsync(pr, "failed with exit code")).Body, pr.HeadSha);
    }

    /// <summary>
    /// The host keeps refusing a comment with an error that repeats secrets: the comment waits in the outbox, with
    /// that error, until the server stops.
    /// </summary>
    private async Task<string> RefusedCommentAsync()
    {
        var pr = OpenPullRequest(5, new Dictionary<string, string?> { ["net/main.tf"] = NullResource("c") });
        GitHub.FailNext("POST", "/issues/5/comments", 422, times: 1000, body: $"Validation Failed: {Token} {IaCBotApp.WebhookSecret} {KnobRedact}");

        await DeliverPullRequestAsync("opened", pr);

        // A second attempt means the first one's error was stored with the message.
        await DeadlineWait.UntilAsync<int>(
            () => [GitHub.RequestCount("POST", "/issues/5/comments")], n => n >= 2, TimeSpan.FromSeconds(60), seen => $"{seen[0]} attempts.");
        return pr.HeadSha;
    }

    /// <summary>The queue keeps a failed job's exception in jobs.db; wait until it has, before looking there.</summary>
    private async Task WaitForFailedJobsAsync(long count)
    {
        var monitoring = App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await DeadlineWait.UntilAsync<long>(
            () => [monitoring.FailedCount()], failed => failed >= count, TimeSpan.FromSeconds(60), seen => $"Failed jobs: {seen[0]}, expected {count}.");
    }

    /// <summary>
    /// Stops the server so the databases are written out. LiteDB folds its log file into iacbot.db as it closes;
    /// wait until that is done, so the search sees one file, whole.
    /// </summary>
    private async Task StopAsync()
    {
        await App.DisposeAsync();
        var log = Path.Combine(DataDir, "iacbot-log.db");
        await DeadlineWait.UntilAsync<bool>(() => [File.Exists(log)], exists => !exists, TimeSpan.FromSeconds(30), _ => $"{log} is still there.");
    }

    /// <summary>Each secret, the header git sends the token in, and its URL-encoded form.</summary>
    private IEnumerable<string> Needles() =>
        new[] { Token, IaCBotApp.WebhookSecret, EchoedRedact, KnobRedact, FilteredRedact }.SelectMany(secret => new[]
        {
            secret,
            Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + secret)),
            Uri.EscapeDataString(secret),
        }).Distinct();

    /// <summary>
    /// Files under data_dir whose bytes hold the text (as UTF-8 or UTF-16), the databases and checkouts' .git
    /// directories included. A checkout's copy of a file the pull request itself commits is skipped: what a
    /// repository holds is the repository's business (the knob comment names a redact value).
    /// </summary>
    private List<string> FilesHolding(string text)
    {
        var patterns = new[] { Encoding.UTF8.GetBytes(text), Encoding.Unicode.GetBytes(text) };
        return Directory.EnumerateFiles(DataDir, "*", SearchOption.AllDirectories)
            .Where(path => !IsCommittedFile(path))
            .Where(path => patterns.Any(p => File.ReadAllBytes(path).AsSpan().IndexOf(p) >= 0))
            .ToList();
    }

    private bool IsCommittedFile(string path)
    {
        // data_dir/repos/<host>/<owner>/<repo>/<pr>/<workspace>/<path in the repository>
        var parts = Path.GetRelativePath(DataDir, path).Split(Path.DirectorySeparatorChar);
        if (parts.Length < 7 || parts[0] != "repos")
        {
            return false;
        }

        var inRepository = string.Join('/', parts[6..]);
        return Files.TryGetValue(inRepository, out var content) && File.ReadAllText(path) == content;
    }
}
