using System.Diagnostics;
using IaCBot.Core.Comments;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

/// <summary>
/// Output too big for a comment: it streams to the run's log under data_dir/logs, and the reply shows its end. The
/// fake terraform needs gigabytes to print 200 MB of plan, so this plans 6 MB (40,000 lines); the 200 MB case is
/// the process runner's own test, and the memory it takes is for the benchmark to measure.
/// </summary>
public sealed class RunOutputTests : ServerTest
{
    private const int ExtraLines = 40_000;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["server:max_comment_parts"] = "4",
    };

    [Fact]
    public async Task A_plan_of_megabytes_is_logged_whole_and_its_reply_shows_its_end_and_summary_in_a_capped_number_of_comments()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["app/main.tf"] = $"# fake-terraform: extra-output plan {ExtraLines}\n" + NullResource("a"),
        });

        await DeliverPullRequestAsync("opened", pr);

        await CommentContainingAsync(pr, "Plan summary");
        var comments = GitHub.Comments(Owner, RepoName, pr.Number);
        Assert.InRange(comments.Count, 2, 4);
        Assert.All(comments, c => Assert.True(c.Body.Length <= 65_536));
        var reply = string.Concat(comments.Select(c => c.Body));
        Assert.Contains("**Plan: 2 to add, 0 to change, 0 to destroy.**", reply, StringComparison.Ordinal);
        Assert.Contains("The output is too long to show whole.", reply, StringComparison.Ordinal);
        Assert.Contains("extra-output-role-09999-", comments[^1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("extra-output-role-00001-", reply, StringComparison.Ordinal);

        var log = Assert.Single(Directory.GetFiles(Path.Combine(DataDir, "logs"), "dir-app.default.log", SearchOption.AllDirectories));
        Assert.Contains($"`{Path.GetRelativePath(DataDir, log)}`", reply, StringComparison.Ordinal);
        var lines = TerraformOutput.StripAnsi(await File.ReadAllTextAsync(log)).Split('\n');
        Assert.Contains(lines, l => l.StartsWith("$ terraform plan -input=false", StringComparison.Ordinal));
        Assert.Equal(ExtraLines, lines.Count(l => l.Contains("extra-output-role-", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("Plan: 2 to add, 0 to change, 0 to destroy.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logs_older_than_the_retention_are_deleted_at_start_up()
    {
        var old = WriteLog("github.com/acme/infra/1/20240101-000000-1/dir-app.default.log", TimeSpan.FromDays(31));
        var recent = WriteLog("github.com/acme/infra/2/20240301-000000-2/dir-app.default.log", TimeSpan.FromDays(29));

        _ = App.Client;

        Assert.True(await EventuallyAsync(() => !File.Exists(old)), "the old log was not deleted");
        Assert.True(File.Exists(recent));
    }

    private string WriteLog(string relative, TimeSpan age)
    {
        var path = Path.Combine(DataDir, "logs", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "$ terraform plan\n");
        File.SetLastWriteTimeUtc(path, TimeProvider.System.GetUtcNow().UtcDateTime - age);
        return path;
    }

    /// <summary>Waits for a background clean-up with a deadline (not a timing claim).</summary>
    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
