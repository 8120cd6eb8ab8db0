using System.Diagnostics;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Observability;

public sealed class MetricsTests : ServerTest
{
    [Fact]
    public async Task After_a_plan_the_metrics_count_the_webhook_the_run_its_steps_the_lock_and_the_git_host_calls()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        var before = await MetricsAsync();

        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");
        var after = await MetricsWithAsync("iacbot_commands_total{kind=\"autoplan\",outcome=\"succeeded\"} 1");

        Assert.DoesNotContain("iacbot_commands_total{", before, StringComparison.Ordinal);
        Assert.Contains("iacbot_webhooks_total{host=\"github\",event=\"pull_request\",result=\"queued\"} 1", after, StringComparison.Ordinal);
        Assert.Contains("iacbot_step_duration_seconds_count{step=\"plan\",result=\"succeeded\"} 1", after, StringComparison.Ordinal);
        Assert.Contains("iacbot_step_duration_seconds_count{step=\"init\",result=\"succeeded\"} 1", after, StringComparison.Ordinal);
        Assert.Contains("iacbot_run_duration_seconds_count{kind=\"autoplan\"} 1", after, StringComparison.Ordinal);
        Assert.Contains("iacbot_locks_held 1", after, StringComparison.Ordinal);
        Assert.Contains("iacbot_job_queue_length 0", after, StringComparison.Ordinal);
        Assert.Matches("iacbot_git_host_api_calls_total\\{host=\"[^\"]+\",result=\"ok\"\\} [1-9]", after);
    }

    [Fact]
    public async Task A_refused_delivery_is_counted_by_its_result()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await App.DeliverAsync("pull_request", Fakes.GitHubWebhooks.PullRequest("opened", pr, pr.Author), secret: "wrong");

        Assert.Contains("iacbot_webhooks_total{host=\"github\",event=\"pull_request\",result=\"unauthorized\"} 1", await MetricsAsync(), StringComparison.Ordinal);
    }

    private async Task<string> MetricsAsync() => await App.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

    /// <summary>The run is counted as its job ends, just after its reply is posted.</summary>
    private async Task<string> MetricsWithAsync(string line)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var metrics = await MetricsAsync();
            if (metrics.Contains(line, StringComparison.Ordinal) || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return metrics;
            }

            await Task.Delay(100);
        }
    }
}
