using System.Net;
using System.Text.Json.Nodes;
using Hangfire;
using IaCBot.Server.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace IaCBot.Server.Tests.Api;

/// <summary><c>POST /api/plan</c> and <c>/api/apply</c> without a pull request: a run of a branch, tag or commit.</summary>
public sealed class RefCommandApiTests : ServerTest
{
    private const string Secret = "an-admin-secret-of-some-length";
    private const string Repository = "github.com/acme/infra";
    private static readonly string[] AppDir = ["app"];

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["api:secret"] = Secret };

    private AdminApiClient Api => new(App.Client, Secret);

    public override Task InitializeAsync()
    {
        GitHub.AddRepository(Owner, RepoName, Repo.CloneUrl, Repo.Resolve);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_plan_of_a_branch_records_a_run_with_the_plan_and_the_resolved_commit_and_posts_nothing()
    {
        var sha = Repo.Commit("main", new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") }, "Add app");

        var response = await Api.SendAsync(HttpMethod.Post, "/api/plan", new { repository = Repository, @ref = "main", paths = AppDir });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var queued = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(sha, queued["commit"]!.GetValue<string>());
        var run = await Api.EndedRunAsync(r => r["command"]!.GetValue<string>() == "iacbot plan -d app @ main");
        Assert.Equal("succeeded", run["outcome"]!.GetValue<string>());
        Assert.Equal(sha, run["commit"]!.GetValue<string>());
        Assert.Equal("api", run["by"]!.GetValue<string>());
        Assert.Null(run["pull"]);
        var project = Assert.Single(run["projects"]!.AsArray())!;
        Assert.Equal("app", project["dir"]!.GetValue<string>());
        Assert.Contains("terraform plan -input=false", project["output"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Plan: 1 to add", run["reply"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("comment `iacbot apply", run["reply"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(TerraformRuns, r => r.Command == "plan");
        Assert.Equal(0, GitHub.RequestCount("POST", "/"));
        Assert.Empty((await Api.GetJsonAsync("/api/locks")).AsArray());
        var page = await App.Client.GetStringAsync(new Uri($"/runs/{run["id"]!.GetValue<string>()}", UriKind.Relative));
        Assert.Contains("github.com/acme/infra (no pull request)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_paths_or_projects_every_project_of_the_commit_is_planned()
    {
        Repo.Commit("main", new Dictionary<string, string?>
        {
            ["app/main.tf"] = NullResource("a"),
            ["db/main.tf"] = NullResource("b"),
            ["modules/x/main.tf"] = NullResource("c"),
        }, "Add projects");

        var response = await Api.SendAsync(HttpMethod.Post, "/api/plan", new { repository = Repository, @ref = "main" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = await Api.EndedRunAsync(r => r["command"]!.GetValue<string>() == "iacbot plan @ main");
        Assert.Equal(["app", "db"], run["projects"]!.AsArray().Select(p => p!["dir"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task An_apply_of_a_commit_plans_and_applies_it_and_leaves_no_lock()
    {
        var sha = Repo.Commit("main", new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") }, "Add app");

        var response = await Api.SendAsync(HttpMethod.Post, "/api/apply", new { repository = Repository, @ref = sha[..7], paths = AppDir });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = await Api.EndedRunAsync(r => r["kind"]!.GetValue<string>() == "apply");
        Assert.Equal("succeeded", run["outcome"]!.GetValue<string>());
        Assert.Equal(sha, run["commit"]!.GetValue<string>());
        Assert.Contains("Apply complete", run["reply"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["plan", "apply"], TerraformRuns.Select(r => r.Command).Where(c => c is "plan" or "apply"));
        Assert.Empty((await Api.GetJsonAsync("/api/locks")).AsArray());
        Assert.Equal(0, GitHub.RequestCount("POST", "/"));
    }

    [Fact]
    public async Task An_apply_is_refused_with_409_naming_the_pull_request_that_holds_the_lock()
    {
        Repo.Commit("main", new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") }, "Add app");
        var pr = OpenPullRequest(7, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("b") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");

        var response = await Api.SendAsync(HttpMethod.Post, "/api/apply", new { repository = Repository, @ref = "main", paths = AppDir });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("github.com/acme/infra#7", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(TerraformRuns, r => r.Command == "apply");
    }

    [Fact]
    public async Task An_apply_is_refused_while_applies_are_disabled()
    {
        Repo.Commit("main", new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") }, "Add app");
        var disabled = await Api.SendAsync(HttpMethod.Put, "/api/apply-lock", new { reason = "release freeze", by = "ops" });
        disabled.EnsureSuccessStatusCode();

        var response = await Api.SendAsync(HttpMethod.Post, "/api/apply", new { repository = Repository, @ref = "main", paths = AppDir });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("release freeze", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await Api.GetJsonAsync("/api/runs")).AsArray());
    }

    [Fact]
    public async Task An_apply_is_refused_with_422_when_the_project_has_apply_requirements()
    {
        UseServerConfig("repos:\n- id: /.*/\n  apply_requirements: [approved]\n");
        Repo.Commit("main", new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") }, "Add app");

        var response = await Api.SendAsync(HttpMethod.Post, "/api/apply", new { repository = Repository, @ref = "main", paths = AppDir });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("approved", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(TerraformRuns);
    }

    [Fact]
    public async Task An_unknown_ref_is_404_saying_so()
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/plan", new { repository = Repository, @ref = "no-such-branch" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("\"no-such-branch\" is not a branch, tag or commit of github.com/acme/infra", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_while_the_Git_host_fails_is_502_saying_so_and_queues_nothing()
    {
        Repo.Commit("main", new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") }, "Add app");
        GitHub.FailNext("GET", "/commits/main", 500, times: 100);

        var response = await Api.SendAsync(HttpMethod.Post, "/api/plan", new { repository = Repository, @ref = "main", paths = AppDir });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Git host unavailable", problem["title"]!.GetValue<string>());
        Assert.StartsWith("GitHub answered 500 to 'find main in github.com/acme/infra'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var queue = App.Services.GetRequiredService<JobStorage>().GetMonitoringApi().GetStatistics();
        Assert.Equal(0, queue.Enqueued + queue.Scheduled + queue.Processing + queue.Succeeded + queue.Failed);
        Assert.Empty((await Api.GetJsonAsync("/api/runs")).AsArray());
        Assert.Empty(TerraformRuns);
    }

    [Theory]
    [InlineData("""{"repository":"github.com/acme/infra"}""")]
    [InlineData("""{"repository":"github.com/acme/infra","ref":"--upload-pack=x"}""")]
    [InlineData("""{"repository":"github.com/acme/infra","ref":"main?x=1"}""")]
    [InlineData("""{"repository":"github.com/acme/infra","ref":"main","paths":["app -- -var x=1"]}""")]
    [InlineData("""{"repository":"github.com/acme/infra","ref":"main","paths":["nowhere"]}""")]
    [InlineData("""{"repository":"github.com/acme/infra","ref":"main","projects":["unknown"]}""")]
    public async Task A_bad_ref_or_target_is_400_and_nothing_runs(string body)
    {
        Repo.Commit("main", new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") }, "Add app");
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/plan", UriKind.Relative)) { Content = content };
        request.Headers.Add("X-IaCBot-Token", Secret);

        var response = await App.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await Api.GetJsonAsync("/api/runs")).AsArray());
    }

    [Fact]
    public async Task A_plan_that_fails_is_recorded_as_failed_and_nothing_is_applied()
    {
        Repo.Commit("main", new Dictionary<string, string?> { ["app/main.tf"] = "# fake-terraform: fail plan\n" + NullResource("a") }, "Add app");

        var response = await Api.SendAsync(HttpMethod.Post, "/api/apply", new { repository = Repository, @ref = "main", paths = AppDir });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = await Api.EndedRunAsync(r => r["kind"]!.GetValue<string>() == "apply");
        Assert.Equal("failed", run["outcome"]!.GetValue<string>());
        Assert.DoesNotContain(TerraformRuns, r => r.Command == "apply");
        Assert.Empty((await Api.GetJsonAsync("/api/locks")).AsArray());
    }
}
