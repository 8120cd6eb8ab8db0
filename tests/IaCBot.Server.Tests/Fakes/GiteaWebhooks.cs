using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// Webhook deliveries as Gitea sends them: real payloads from <c>Fixtures/gitea/webhooks</c> with the PR, repository
/// and people set from a <see cref="FakePullRequest"/>, and Gitea's headers, GitHub's compatibility ones among them.
/// </summary>
/// <seealso href="https://docs.gitea.com/usage/webhooks"/>
public static class GiteaWebhooks
{
    private static long _lastCommentId = 3_000_000;

    /// <summary>A <c>pull_request</c> payload: opened, synchronized, reopened or closed (merged as the PR says).</summary>
    public static string PullRequest(string action, FakePullRequest pr, string sender, string webUrl)
    {
        var payload = GiteaFixtures.Object(action switch
        {
            "synchronized" => "webhooks/pull_request.synchronized.json",
            "reopened" => "webhooks/pull_request.reopened.json",
            "closed" when pr.Merged => "webhooks/pull_request.merged.json",
            "closed" => "webhooks/pull_request.closed.json",
            _ => "webhooks/pull_request.opened.json",
        });
        payload.Remove("secret");
        payload["action"] = action;
        payload["number"] = pr.Number;
        payload["pull_request"] = GiteaJson.PullRequest(pr, webUrl);
        GiteaJson.SetRepository(payload["repository"], pr.Owner, pr.Repo, pr.CloneUrl, webUrl);
        GiteaJson.SetUser(payload["sender"], sender);
        return payload.ToJsonString();
    }

    /// <summary>An <c>issue_comment</c> <c>created</c> payload on the PR, as newer Gitea sends it (<c>is_pull: true</c>).</summary>
    public static string IssueComment(FakePullRequest pr, string user, string body, string webUrl)
    {
        var payload = GiteaFixtures.Object("webhooks/issue_comment.created.on-pr.go-playground.json");
        var issue = payload["issue"]!.AsObject();
        issue["number"] = pr.Number;
        issue["title"] = pr.Title;
        issue["html_url"] = $"{webUrl}{pr.Owner}/{pr.Repo}/pulls/{pr.Number}";
        GiteaJson.SetUser(issue["user"], pr.Author);
        issue.Remove("repository");
        var comment = payload["comment"]!.AsObject();
        comment["id"] = Interlocked.Increment(ref _lastCommentId);
        comment["body"] = body;
        comment["html_url"] = $"{issue["html_url"]}#issuecomment-{comment["id"]}";
        comment["pull_request_url"] = issue["html_url"]!.GetValue<string>();
        GiteaJson.SetUser(comment["user"], user);
        GiteaJson.SetRepository(payload["repository"], pr.Owner, pr.Repo, pr.CloneUrl, webUrl);
        GiteaJson.SetUser(payload["sender"], user);
        return payload.ToJsonString();
    }

    /// <summary><c>X-Gitea-Signature</c>: the hex HMAC-SHA256 of the body's UTF-8 bytes, no prefix.</summary>
    public static string Sign(string body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>
    /// A delivery to <c>POST /events</c> with Gitea's headers (and the X-GitHub-* and X-Gogs-* ones it adds); signed
    /// with <paramref name="secret"/> unless it is null. <paramref name="forgejo"/> sends Forgejo's headers as well.
    /// </summary>
    public static HttpRequestMessage Delivery(string eventName, string body, string? secret, string? deliveryId = null, bool forgejo = false)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(WebhookDelivery.Path, UriKind.Relative)) { Content = content };
        var id = deliveryId ?? Guid.NewGuid().ToString();
        var signature = secret is null ? null : Sign(body, secret);
        var prefixes = forgejo ? new[] { "Forgejo", "Gitea", "Gogs", "GitHub" } : ["Gitea", "Gogs", "GitHub"];
        foreach (var prefix in prefixes)
        {
            request.Headers.Add($"X-{prefix}-Event", eventName);
            request.Headers.Add($"X-{prefix}-Delivery", id);
            if (signature is not null && prefix is "Forgejo" or "Gitea" or "Gogs")
            {
                request.Headers.Add($"X-{prefix}-Signature", signature);
            }
        }

        request.Headers.Add("X-Gitea-Event-Type", eventName);
        return request;
    }
}
