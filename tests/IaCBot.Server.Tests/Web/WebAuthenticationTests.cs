using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Web;

public sealed class WebAuthenticationTests : ServerTest
{
    private const string User = "ops-admin";
    private const string Password = "a-long-web-password";
    private const string Token = "a-long-web-token-value";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["web:username"] = User,
        ["web:password"] = Password,
        ["web:token"] = Token,
    };

    [Theory]
    [InlineData("/")]
    [InlineData("/audit")]
    [InlineData("/jobs")]
    [InlineData("/metrics")]
    [InlineData("/runs/1")]
    public async Task Pages_the_dashboard_and_metrics_refuse_a_visit_without_or_with_wrong_credentials(string path)
    {
        var none = await GetAsync(path, null);
        var wrong = await GetAsync(path, Basic(User, Password + "x"));
        var wrongToken = await GetAsync(path, new AuthenticationHeaderValue("Bearer", Token + "x"));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Basic", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/jobs")]
    [InlineData("/metrics")]
    public async Task The_password_or_the_token_lets_a_visit_through(string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(path, Basic(User, Password))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(path, new AuthenticationHeaderValue("Bearer", Token))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(path, Basic("anyone", Token))).StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task The_probes_stay_open(string path) =>
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(path, null)).StatusCode);

    [Fact]
    public async Task Webhook_deliveries_stay_open()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        var response = await App.DeliverAsync("pull_request", Fakes.GitHubWebhooks.PullRequest("opened", pr, pr.Author));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task An_unlock_posted_without_the_forms_anti_forgery_token_is_refused_and_the_lock_stays()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");
        var id = IaCBot.Server.Api.LockIds.Encode("github.com/acme/infra/app/default");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/locks/{id}/unlock", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([]),
        };
        request.Headers.Authorization = Basic(User, Password);

        var response = await App.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var home = await (await GetAsync("/", Basic(User, Password))).Content.ReadAsStringAsync();
        Assert.Contains("id=\"locks\"", home, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = authorization;
        return await App.Client.SendAsync(request);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
