using System.Net;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Configuration;

public sealed class LoggingDefaultsTests : ServerTest
{
    [Fact]
    public async Task A_delivery_logs_what_iacbot_did_but_not_asp_net_cores_lines_about_the_request()
    {
        // As iacbot.yaml ships: everything at Information (the test harness turns it down to Warning).
        TestSettings["Logging:LogLevel:Default"] = "Information";
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        var response = await App.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, Author));
        await CommentContainingAsync(pr, "Ran plan");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains(App.Logs.Entries, e => e.Contains(" IaCBot.", StringComparison.Ordinal));
        Assert.DoesNotContain(App.Logs.Entries, e => e.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_request_lines_come_back_when_the_settings_ask_for_them()
    {
        TestSettings["Logging:LogLevel:Default"] = "Information";
        TestSettings["Logging:LogLevel:Microsoft.AspNetCore"] = "Information";
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await App.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, Author));

        Assert.Contains(App.Logs.Entries, e => e.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_is_logged_while_a_project_runs_names_the_job_and_the_project()
    {
        TestSettings["Logging:LogLevel:Default"] = "Information";
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a"), ["net/main.tf"] = NullResource("b") });

        await App.DeliverAsync("pull_request", GitHubWebhooks.PullRequest("opened", pr, Author));
        await CommentContainingAsync(pr, "Ran plan");

        var planning = App.Logs.Entries.Where(e => e.Contains("Planning", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, planning.Count);
        Assert.All(planning, e => Assert.Contains(" Job=", e, StringComparison.Ordinal));
        Assert.Contains(planning, e => e.Contains("Project=app Dir=app Workspace=default", StringComparison.Ordinal));
        Assert.Contains(planning, e => e.Contains("Project=net Dir=net Workspace=default", StringComparison.Ordinal));
    }
}
