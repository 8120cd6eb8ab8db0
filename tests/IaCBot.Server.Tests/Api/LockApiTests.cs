using System.Net;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using IaCBot.Server.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace IaCBot.Server.Tests.Api;

public sealed class LockApiTests : ServerTest
{
    private const string Secret = "an-admin-secret-of-some-length";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["api:secret"] = Secret };

    private AdminApiClient Api => new(App.Client, Secret);

    [Fact]
    public async Task The_lock_a_plan_took_is_listed_and_deleting_it_frees_it_discards_the_plan_and_tells_the_pull_request()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");

        var held = Assert.Single((await Api.GetJsonAsync("/api/locks")).AsArray())!;
        Assert.Equal("github.com/acme/infra", held["repository"]!.GetValue<string>());
        Assert.Equal("app", held["dir"]!.GetValue<string>());
        Assert.Equal("default", held["workspace"]!.GetValue<string>());
        Assert.Equal(1, held["pull"]!.GetValue<int>());
        Assert.Equal(Author, held["user"]!.GetValue<string>());

        var delete = await Api.SendAsync(HttpMethod.Delete, $"/api/locks/{held["id"]!.GetValue<string>()}");

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Empty((await Api.GetJsonAsync("/api/locks")).AsArray());
        var note = await CommentContainingAsync(pr, "discarded this plan");
        Assert.Contains("`api` discarded this plan and released its lock through IaCBot's API", note.Body, StringComparison.Ordinal);
        var plans = App.Services.GetRequiredService<IPlanStore>();
        Assert.Empty(await plans.ListAsync(new PullRequestRef(new RepoId("github.com", Owner, RepoName), 1), CancellationToken.None));
    }

    [Theory]
    [InlineData("Z2l0aHViLmNvbS9hY21lL2luZnJhL25vbmUvZGVmYXVsdA")]
    [InlineData("not base64 at all!")]
    public async Task Deleting_a_lock_that_is_not_held_is_a_404_problem(string id)
    {
        var response = await Api.SendAsync(HttpMethod.Delete, $"/api/locks/{Uri.EscapeDataString(id)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
