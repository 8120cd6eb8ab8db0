using System.Net;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Api;

public sealed class ApiAuthenticationTests : ServerTest
{
    private const string Secret = "an-admin-secret-of-some-length";

    public static TheoryData<string, string> Routes { get; } = new()
    {
        { "GET", "/api/locks" },
        { "DELETE", "/api/locks/abc" },
        { "GET", "/api/runs" },
        { "GET", "/api/runs/1" },
        { "POST", "/api/plan" },
        { "POST", "/api/apply" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Without_api_secret_every_route_answers_503(string method, string path)
    {
        var response = await new AdminApiClient(App.Client, Secret).SendAsync(new HttpMethod(method), path, new { repository = "acme/infra", pull = 1 });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_missing_or_wrong_token_gets_401_on_every_route(string method, string path)
    {
        TestSettings["api:secret"] = Secret;

        var missing = await new AdminApiClient(App.Client, null).SendAsync(new HttpMethod(method), path, new { repository = "acme/infra", pull = 1 });
        var wrong = await new AdminApiClient(App.Client, Secret + "x").SendAsync(new HttpMethod(method), path, new { repository = "acme/infra", pull = 1 });

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, GitHub.RequestCount("POST", "/repos/"));
    }
}
