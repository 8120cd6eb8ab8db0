using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// Webhook payloads as GitHub delivers them: real deliveries from <c>Fixtures/github/webhooks</c> with the PR, repo
/// and people set from a <see cref="FakePullRequest"/>, so a payload and the fake API tell the same story.
/// </summary>
/// <seealso href="https://docs.github.com/en/webhooks/webhook-events-and-payloads"/>
public static class GitHubWebhooks
{
    private static long _lastCommentId = 2_000_000;

    /// <summary>
    /// A <c>pull_request</c> event. <c>opened</c>, <c>synchronize</c>, <c>reopened</c> and <c>closed</c> start from
    /// GitHub's delivery of that action (a merged or unmerged close as <see cref="FakePullRequest.Merged"/> says);
    /// any other action from <c>opened</c>'s.
    /// </summary>
    public static string PullRequest(string action, FakePullRequest pr, string sender)
    {
        var payload = GitHubFixtures.Object(action switch
        {
            "synchronize" => "webhooks/pull_request.synchronize.json",
            "reopened" => "webhooks/pull_request.reopened.json",
            "closed" when pr.Merged => "webhooks/pull_request.closed.merged.json",
            "closed" => "webhooks/pull_request.closed.not-merged.json",
            _ => "webhooks/pull_request.opened.json",
        });
        payload["action"] = action;
        payload["number"] = pr.Number;
        PullRequestJson.Apply(payload["pull_request"]!.AsObject(), pr, apiUrl: null);
        if (action == "synchronize")
        {
            payload["after"] = pr.HeadSha;
        }

        SetRepository(payload, pr.Owner, pr.Repo, pr.CloneUrl, pr.BaseBranch);
        GitHubJson.SetUser(payload["sender"], sender);
        return payload.ToJsonString();
    }

    /// <summary>An <c>issue_comment</c> <c>created</c> event on the PR (its issue carries <c>pull_request</c>).</summary>
    public static string IssueComment(FakePullRequest pr, string user, string body)
    {
        var payload = GitHubFixtures.Object("webhooks/issue_comment.created.on-pr.json");
        var issue = payload["issue"]!.AsObject();
        Retarget(payload, pr.Owner, pr.Repo, issue, pr.Number);
        issue["title"] = pr.Title;
        issue["state"] = pr.State;
        issue["draft"] = pr.Draft;
        issue["html_url"] = $"https://github.com/{pr.Owner}/{pr.Repo}/pull/{pr.Number}";
        GitHubJson.SetUser(issue["user"], pr.Author);
        var pull = issue["pull_request"]!.AsObject();
        pull["url"] = $"{GitHubJson.PublicApiUrl}repos/{pr.Owner}/{pr.Repo}/pulls/{pr.Number}";
        pull["html_url"] = issue["html_url"]!.GetValue<string>();
        pull["merged_at"] = pr.Merged ? GitHubJson.Now() : null;
        SetComment(payload, issue, user, body);
        SetRepository(payload, pr.Owner, pr.Repo, pr.CloneUrl, pr.BaseBranch);
        GitHubJson.SetUser(payload["sender"], user);
        return payload.ToJsonString();
    }

    /// <summary>An <c>issue_comment</c> <c>created</c> event on a plain issue: no <c>pull_request</c> on it.</summary>
    public static string IssueCommentOnIssue(string owner, string repo, int number, string user, string body)
    {
        var payload = GitHubFixtures.Object("webhooks/issue_comment.created.on-issue.with-installation.json");
        var issue = payload["issue"]!.AsObject();
        Retarget(payload, owner, repo, issue, number);
        issue.Remove("pull_request");
        issue["html_url"] = $"https://github.com/{owner}/{repo}/issues/{number}";
        GitHubJson.SetUser(issue["user"], user);
        SetComment(payload, issue, user, body);
        SetRepository(payload, owner, repo, $"https://github.com/{owner}/{repo}.git", "main");
        payload.Remove("organization");
        GitHubJson.SetUser(payload["sender"], user);
        return payload.ToJsonString();
    }

    /// <summary>The <c>ping</c> GitHub sends when a webhook is created, exactly as delivered.</summary>
    public static string Ping() => GitHubFixtures.Text("webhooks/ping.json");

    /// <summary>The <c>X-Hub-Signature-256</c> value of <paramref name="body"/>: HMAC-SHA256 of its UTF-8 bytes, in hex.</summary>
    /// <seealso href="https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries"/>
    public static string Sign(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static void Retarget(JsonObject payload, string owner, string repo, JsonObject issue, int number)
    {
        var templateRepo = payload["repository"]!["full_name"]!.GetValue<string>();
        var templateNumber = issue["number"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture);
        JsonStrings.Replace(payload, templateRepo, $"{owner}/{repo}");
        var numberInUrl = new Regex($"(/(?:pulls|issues|pull)/){templateNumber}(?=$|[/#.?])", RegexOptions.CultureInvariant);
        JsonStrings.Replace(payload, numberInUrl, "${1}" + number.ToString(CultureInfo.InvariantCulture));
        issue["number"] = number;

        // The fixtures' labels, milestone and assignees belong to their own example repos.
        issue["labels"] = new JsonArray();
        issue["milestone"] = null;
        issue["assignee"] = null;
        issue["assignees"] = new JsonArray();
    }

    private static void SetComment(JsonObject payload, JsonObject issue, string user, string body)
    {
        var comment = payload["comment"]!.AsObject();
        var id = Interlocked.Increment(ref _lastCommentId);
        var now = GitHubJson.Now();
        comment["id"] = id;
        comment["body"] = body;
        comment["html_url"] = $"{issue["html_url"]!.GetValue<string>()}#issuecomment-{id}";
        comment["url"] = $"{issue["repository_url"]?.GetValue<string>() ?? ""}/issues/comments/{id}";
        comment["issue_url"] = issue["url"]?.GetValue<string>();
        comment["created_at"] = now;
        comment["updated_at"] = now;
        GitHubJson.SetUser(comment["user"], user);
    }

    private static void SetRepository(JsonObject payload, string owner, string repo, string cloneUrl, string defaultBranch) =>
        GitHubJson.SetRepository(payload["repository"], owner, repo, cloneUrl, defaultBranch);
}
