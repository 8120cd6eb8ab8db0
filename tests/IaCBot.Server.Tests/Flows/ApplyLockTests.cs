using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IaCBot.Core.Runs;
using IaCBot.Core.Storage;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace IaCBot.Server.Tests.Flows;

public sealed class ApplyLockTests : ServerTest
{
    private const string Secret = "an-admin-secret-of-some-length";

    [Fact]
    public async Task Without_api_secret_the_admin_api_is_off()
    {
        var response = await App.Client.GetAsync(new Uri("/api/apply-lock", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("set api:secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("an-admin-secret-of-some-lengtH")]
    [InlineData("an-admin-secret-of-some-length ")]
    public async Task A_missing_or_wrong_token_is_refused_and_changes_nothing(string? token)
    {
        TestSettings["api:secret"] = Secret;

        var response = await SendAsync(HttpMethod.Put, token, """{"reason":"sneaky"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False((await StateAsync())["locked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task While_applies_are_disabled_apply_is_refused_saying_who_when_and_why_and_plans_go_on()
    {
        TestSettings["api:secret"] = Secret;
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        var put = await SendAsync(HttpMethod.Put, Secret, """{"reason":"release freeze","by":"ops-alice"}""");
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");
        await CommentAsync(pr, "iacbot apply");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var state = await StateAsync();
        Assert.True(state["locked"]!.GetValue<bool>());
        Assert.Equal("ops-alice", state["by"]!.GetValue<string>());
        Assert.Equal("release freeze", state["reason"]!.GetValue<string>());
        var reply = await CommentNumberAsync(pr, 2);
        Assert.StartsWith("Applies are disabled on this server: ops-alice disabled them on ", reply.Body, StringComparison.Ordinal);
        Assert.Contains("UTC, so `iacbot apply` was not run.\n\nReason: release freeze", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(TerraformRuns, r => r.Command == "apply");

        var delete = await SendAsync(HttpMethod.Delete, Secret);
        await CommentAsync(pr, "iacbot apply");

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        await CommentContainingAsync(pr, "Ran apply");
        Assert.Single(TerraformRuns, r => r.Command == "apply");
    }

    [Fact]
    public async Task A_lock_without_a_body_is_set_by_an_administrator_and_survives_a_restart()
    {
        TestSettings["api:secret"] = Secret;

        await SendAsync(HttpMethod.Put, Secret);
        await App.RestartAsync();

        var state = await StateAsync();
        Assert.True(state["locked"]!.GetValue<bool>());
        Assert.Equal("an administrator", state["by"]!.GetValue<string>());
        Assert.Null(state["reason"]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"reason":"two\nlines"}""")]
    public async Task A_body_that_cannot_be_shown_in_a_comment_is_refused(string body)
    {
        TestSettings["api:secret"] = Secret;

        var response = await SendAsync(HttpMethod.Put, Secret, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await StateAsync())["locked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task When_the_lock_cannot_be_read_apply_is_refused()
    {
        TestServices = services => services.AddSingleton<IApplyLockStore, UnreadableStore>();
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");
        await StatusAsync(pr, StatusContexts.Plan, "success");

        await CommentAsync(pr, "iacbot apply");

        var reply = await CommentNumberAsync(pr, 2);
        Assert.StartsWith("IaCBot could not read whether applies are disabled on this server, so `iacbot apply` was not run.", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(TerraformRuns, r => r.Command == "apply");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string? token, string? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri("/api/apply-lock", UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Add("X-IaCBot-Token", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        return await App.Client.SendAsync(request);
    }

    private async Task<JsonObject> StateAsync()
    {
        var response = await SendAsync(HttpMethod.Get, Secret);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private sealed class UnreadableStore : IApplyLockStore
    {
        public Task<ApplyLock?> GetAsync(CancellationToken cancellationToken) => throw new IOException("The database file cannot be read.");

        public Task SetAsync(ApplyLock applyLock, CancellationToken cancellationToken) => throw new IOException("The database file cannot be written.");

        public Task<bool> ClearAsync(CancellationToken cancellationToken) => throw new IOException("The database file cannot be written.");
    }
}
