using System.Net;
using System.Text.Json.Nodes;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Api;

public sealed class CommandApiTests : ServerTest
{
    private const string Secret = "an-admin-secret-of-some-length";
    private static readonly string[] AppDir = ["app"];

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["api:secret"] = Secret };

    private AdminApiClient Api => new(App.Client, Secret);

    [Fact]
    public async Task Plan_and_apply_through_the_api_run_as_the_comments_would_attributed_to_api_and_recorded()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        var plan = await Api.SendAsync(HttpMethod.Post, "/api/plan", new { repository = "github.com/acme/infra", pull = 1, paths = AppDir, @ref = pr.HeadSha });
        await CommentContainingAsync(pr, "Ran plan");
        var apply = await Api.SendAsync(HttpMethod.Post, "/api/apply", new { repository = "github.com/acme/infra", pull = 1 });
        await CommentContainingAsync(pr, "Ran apply");

        Assert.Equal(HttpStatusCode.Accepted, plan.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, apply.StatusCode);
        var queued = JsonNode.Parse(await plan.Content.ReadAsStringAsync())!["jobs"]!.AsArray();
        Assert.Equal("iacbot plan -d app", Assert.Single(queued)!["command"]!.GetValue<string>());
        Assert.Single(TerraformRuns, r => r.Command == "apply");
        var applied = await Api.EndedRunAsync(r => r["command"]!.GetValue<string>() == "iacbot apply");
        Assert.Equal("api", applied["by"]!.GetValue<string>());
        Assert.Equal("succeeded", applied["outcome"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"repository":"acme","pull":1}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"repository":"github.com/other/infra","pull":1}""", HttpStatusCode.Forbidden)]
    [InlineData("""{"repository":"github.com/acme/infra","pull":99}""", HttpStatusCode.NotFound)]
    [InlineData("""{"repository":"github.com/acme/infra","pull":1,"ref":"0000000000"}""", HttpStatusCode.Conflict)]
    [InlineData("""{"repository":"github.com/acme/infra","pull":1,"paths":["app -- -var x=1"]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"repository":"github.com/acme/infra","pull":1,"paths":["../outside"]}""", HttpStatusCode.BadRequest)]
    [InlineData("""not json""", HttpStatusCode.BadRequest)]
    public async Task A_request_that_cannot_run_is_refused_as_a_problem_and_nothing_runs(string body, HttpStatusCode status)
    {
        OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/plan", UriKind.Relative)) { Content = content };
        request.Headers.Add("X-IaCBot-Token", Secret);

        var response = await App.Client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await Api.GetJsonAsync("/api/runs")).AsArray());
    }
}
