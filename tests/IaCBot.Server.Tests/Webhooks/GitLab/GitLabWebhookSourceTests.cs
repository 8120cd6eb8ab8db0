using System.Text;
using IaCBot.Server.Configuration;
using IaCBot.Server.Webhooks.GitLab;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Tests.Webhooks.GitLab;

public sealed class GitLabWebhookSourceTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"object_kind":"note"}""");

    private readonly GitLabWebhookSource _source = new(Options.Create(new GitLabOptions { Token = "glpat-x", WebhookSecret = "s3cret" }));

    [Fact]
    public void A_delivery_with_the_gitlab_event_header_is_gitlab_s()
    {
        Assert.True(_source.Recognises(Headers(("X-Gitlab-Event", "Note Hook"))));
        Assert.False(_source.Recognises(Headers(("X-GitHub-Event", "issue_comment"))));
    }

    [Fact]
    public void The_right_secret_token_is_accepted()
    {
        Assert.Null(_source.Authenticate(Headers(("X-Gitlab-Event", "Note Hook"), ("X-Gitlab-Token", "s3cret")), Body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("s3cre")]
    [InlineData("s3cret ")]
    [InlineData("S3CRET")]
    public void A_missing_or_wrong_secret_token_is_refused(string? token)
    {
        var headers = token is null ? Headers(("X-Gitlab-Event", "Note Hook")) : Headers(("X-Gitlab-Event", "Note Hook"), ("X-Gitlab-Token", token));

        Assert.NotNull(_source.Authenticate(headers, Body));
    }

    [Fact]
    public void Every_delivery_is_refused_while_gitlab_is_not_configured()
    {
        var source = new GitLabWebhookSource(Options.Create(new GitLabOptions { WebhookSecret = "s3cret" }));

        var refusal = source.Authenticate(Headers(("X-Gitlab-Event", "Note Hook"), ("X-Gitlab-Token", "s3cret")), Body);

        Assert.Contains("gitlab:token", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_delivery_id_is_gitlab_s_event_uuid()
    {
        var envelope = _source.Open(Headers(("X-Gitlab-Event", "Note Hook"), ("X-Gitlab-Event-UUID", "13792a34-cac6-4fda-95a8-c58e00a3954e")), Body);

        Assert.Equal(("Note Hook", "13792a34-cac6-4fda-95a8-c58e00a3954e", null), (envelope.EventName, envelope.DeliveryId, envelope.Problem));
    }

    [Fact]
    public void Without_an_event_uuid_a_resent_body_has_the_same_id_and_another_body_another()
    {
        var headers = Headers(("X-Gitlab-Event", "Note Hook"));

        var first = _source.Open(headers, Body).DeliveryId;
        var again = _source.Open(headers, Body.ToArray()).DeliveryId;
        var other = _source.Open(headers, Encoding.UTF8.GetBytes("""{"object_kind":"note","id":2}""")).DeliveryId;

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.StartsWith("sha256:", first, StringComparison.Ordinal);
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
