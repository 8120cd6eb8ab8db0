using System.Net;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Api;

public sealed class RunApiTests : ServerTest
{
    private const string Secret = "an-admin-secret-of-some-length";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["api:secret"] = Secret };

    private AdminApiClient Api => new(App.Client, Secret);

    [Fact]
    public async Task A_run_shows_its_command_who_asked_the_commit_each_steps_status_and_duration_and_its_output()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");

        var run = await Api.EndedRunAsync(r => r["kind"]!.GetValue<string>() == "autoplan");

        Assert.Equal("pull_request opened", run["command"]!.GetValue<string>());
        Assert.Equal(Author, run["by"]!.GetValue<string>());
        Assert.Equal(pr.HeadSha, run["commit"]!.GetValue<string>());
        Assert.Equal("succeeded", run["outcome"]!.GetValue<string>());
        Assert.Contains("Ran plan", run["reply"]!.GetValue<string>(), StringComparison.Ordinal);
        var project = Assert.Single(run["projects"]!.AsArray())!;
        Assert.Equal("app", project["dir"]!.GetValue<string>());
        var steps = project["steps"]!.AsArray();
        Assert.Equal(["init", "plan"], steps.Select(s => s!["name"]!.GetValue<string>()).Where(n => n is "init" or "plan"));
        Assert.All(steps, s => Assert.Equal("succeeded", s!["status"]!.GetValue<string>()));
        Assert.All(steps, s => Assert.True(s!["seconds"]!.GetValue<double>() >= 0));
        Assert.Contains("terraform plan -input=false", project["output"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_run_is_a_404_problem()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/api/runs/4242");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
