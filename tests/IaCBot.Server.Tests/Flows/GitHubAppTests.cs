using System.Security.Cryptography;
using IaCBot.Core.Runs;
using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Flows;

/// <summary>IaCBot installed as a GitHub App: no user token, only the App's id and private key.</summary>
public sealed class GitHubAppTests : ServerTest, IDisposable
{
    private const long AppId = 4242;
    private const long InstallationId = 77;
    private const string Slug = "iacbot-app";

    private readonly RSA _key = RSA.Create(2048);

    public GitHubAppTests()
    {
        GitHub.InstallApp(AppId, _key, InstallationId);
        var keyFile = Path.Combine(DataDir, "app.private-key.pem");
        File.WriteAllText(keyFile, _key.ExportPkcs8PrivateKeyPem());
        TestSettings["github:token"] = null;
        TestSettings["github:user"] = null;
        TestSettings["github:app_id"] = AppId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        TestSettings["github:app_key_file"] = keyFile;
        TestSettings["github:app_slug"] = Slug;
    }

    [Fact]
    public async Task An_opened_pull_request_is_planned_and_commented_on_with_the_installation_token()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains("Plan: 1 to add, 0 to change, 0 to destroy.", comment.Body, StringComparison.Ordinal);
        await StatusAsync(pr, StatusContexts.Plan, "success");
        Assert.Equal(1, GitHub.RequestCount("GET", "/repos/acme/infra/installation"));
        Assert.Equal(1, GitHub.RequestCount("POST", $"/app/installations/{InstallationId}/access_tokens"));
    }

    [Fact]
    public async Task The_apps_own_comments_are_not_read_as_commands()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });

        var response = await App.DeliverAsync("issue_comment", GitHubWebhooks.IssueComment(pr, Slug + "[bot]", "iacbot plan"));

        response.EnsureSuccessStatusCode();
        Assert.Contains("ignored", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => _key.Dispose();
}
