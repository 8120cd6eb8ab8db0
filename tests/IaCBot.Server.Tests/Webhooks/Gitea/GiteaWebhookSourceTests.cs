using System.Text;
using IaCBot.Server.Configuration;
using IaCBot.Server.Webhooks;
using IaCBot.Server.Webhooks.Gitea;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Tests.Webhooks.Gitea;

public sealed class GiteaWebhookSourceTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"action":"opened"}""");

    private static GiteaWebhookSource Source(string? token = "t", string? secret = "s3cret") =>
        new(Options.Create(new GiteaOptions { Url = "https://gitea.example.com/", Token = token, WebhookSecret = secret, User = "iacbot" }));

    [Fact]
    public void Gitea_and_forgejo_deliveries_are_recognised_and_github_does_not_claim_them()
    {
        var gitea = Headers(("X-Gitea-Event", "pull_request"), ("X-GitHub-Event", "pull_request"));
        var forgejo = Headers(("X-Forgejo-Event", "pull_request"), ("X-GitHub-Event", "pull_request"));
        var github = new GitHubWebhookSource(Options.Create(new GitHubOptions()));

        Assert.True(Source().Recognises(gitea));
        Assert.True(Source().Recognises(forgejo));
        Assert.False(github.Recognises(gitea));
        Assert.False(github.Recognises(forgejo));
    }

    [Fact]
    public void Without_a_gitea_token_no_delivery_is_taken()
    {
        Assert.False(Source(token: null).Recognises(Headers(("X-Gitea-Event", "pull_request"))));
    }

    [Fact]
    public void The_signature_must_be_the_bodys_hmac_with_the_secret()
    {
        var good = GiteaSignature.Sign(Body, "s3cret");

        Assert.Null(Source().Authenticate(Headers(("X-Gitea-Signature", good)), Body));
        Assert.Null(Source().Authenticate(Headers(("X-Forgejo-Signature", good)), Body));
        Assert.NotNull(Source().Authenticate(Headers(("X-Gitea-Signature", GiteaSignature.Sign(Body, "other"))), Body));
        Assert.NotNull(Source().Authenticate(Headers(("X-Gitea-Signature", "sha256=" + good)), Body));
        Assert.NotNull(Source().Authenticate(Headers(("X-Gitea-Signature", "zz")), Body));
        Assert.NotNull(Source().Authenticate(Headers(), Body));
        Assert.NotNull(Source().Authenticate(Headers(("X-Gitea-Signature", good)), Encoding.UTF8.GetBytes("""{"action":"closed"}""")));
    }

    [Fact]
    public void The_delivery_id_and_event_come_from_giteas_headers()
    {
        var envelope = Source().Open(Headers(("X-Gitea-Event", "issue_comment"), ("X-Gitea-Delivery", "abc-1")), Body);
        var missing = Source().Open(Headers(("X-Gitea-Event", "issue_comment")), Body);

        Assert.Equal(new WebhookEnvelope("issue_comment", "abc-1"), envelope);
        Assert.NotNull(missing.Problem);
    }

    private static HeaderDictionary Headers(params (string Name, string Value)[] headers)
    {
        var dictionary = new HeaderDictionary();
        foreach (var (name, value) in headers)
        {
            dictionary[name] = value;
        }

        return dictionary;
    }
}
