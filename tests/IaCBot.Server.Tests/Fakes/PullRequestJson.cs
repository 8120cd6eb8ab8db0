using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// Fills a fixture's pull_request object (the REST answer's or a webhook's, which share a shape) with a
/// <see cref="FakePullRequest"/>'s state.
/// </summary>
internal static class PullRequestJson
{
    /// <param name="apiUrl">Where the object's API links point; null keeps api.github.com, as webhooks send.</param>
    public static void Apply(JsonObject pr, FakePullRequest pull, string? apiUrl)
    {
        Retarget(pr, pull, apiUrl);
        var api = apiUrl ?? GitHubJson.PublicApiUrl;
        pr["number"] = pull.Number;
        pr["state"] = pull.State;
        pr["title"] = pull.Title;
        pr["draft"] = pull.Draft;
        pr["merged"] = pull.Merged;
        pr["mergeable"] = pull.Mergeable;
        pr["rebaseable"] = pull.Mergeable;
        pr["mergeable_state"] = pull.MergeableState;
        pr["locked"] = false;
        pr["active_lock_reason"] = null;
        pr["html_url"] = $"https://github.com/{pull.Owner}/{pull.Repo}/pull/{pull.Number}";
        pr["statuses_url"] = $"{api}repos/{pull.Owner}/{pull.Repo}/statuses/{pull.HeadSha}";
        if (pr["_links"]?["statuses"] is JsonObject statuses)
        {
            statuses["href"] = pr["statuses_url"]!.GetValue<string>();
        }

        pr["changed_files"] = pull.FilesSnapshot().Count;
        ClearPeople(pr);
        GitHubJson.SetUser(pr["user"], pull.Author);
        SetClosing(pr, pull);
        SetBranch(pr["head"], pull.ForkOwner ?? pull.Owner, pull.ForkName ?? pull.Repo, pull, pull.HeadBranch, pull.HeadSha);
        SetBranch(pr["base"], pull.Owner, pull.Repo, pull, pull.BaseBranch, pull.BaseSha);
        if (pull.ForkOwner is not null && pr["head"] is JsonObject head)
        {
            head["repo"] = pull.ForkDeleted ? null : head["repo"];
            if (head["repo"] is JsonObject fork)
            {
                fork["fork"] = true;
            }
        }
    }

    /// <summary>Points every URL in the fixture at the fake's repo and PR number.</summary>
    private static void Retarget(JsonObject pr, FakePullRequest pull, string? apiUrl)
    {
        var templateRepo = pr["base"]?["repo"]?["full_name"]?.GetValue<string>() ?? "";
        var templateNumber = pr["number"]?.GetValue<int>().ToString(CultureInfo.InvariantCulture) ?? "";
        JsonStrings.Replace(pr, templateRepo, $"{pull.Owner}/{pull.Repo}");
        var number = new Regex($"(/(?:pulls|issues|pull)/){templateNumber}(?=$|[/#.?])", RegexOptions.CultureInvariant);
        JsonStrings.Replace(pr, number, "${1}" + pull.Number.ToString(CultureInfo.InvariantCulture));
        if (apiUrl is not null)
        {
            JsonStrings.Replace(pr, GitHubJson.PublicApiUrl, apiUrl);
        }
    }

    // The fixtures come with labels, a milestone and reviewers that have nothing to do with the fake's PR.
    private static void ClearPeople(JsonObject pr)
    {
        pr["labels"] = new JsonArray();
        pr["milestone"] = null;
        pr["assignee"] = null;
        pr["assignees"] = new JsonArray();
        pr["requested_reviewers"] = new JsonArray();
        pr["requested_teams"] = new JsonArray();
        pr["auto_merge"] = null;
    }

    private static void SetClosing(JsonObject pr, FakePullRequest pull)
    {
        var closed = pull.State == "closed";
        pr["closed_at"] = closed ? pr["closed_at"]?.GetValue<string>() ?? GitHubJson.Now() : null;
        pr["merged_at"] = pull.Merged ? pr["merged_at"]?.GetValue<string>() ?? GitHubJson.Now() : null;
        if (!pull.Merged)
        {
            pr["merged_by"] = null;
        }
        else
        {
            GitHubJson.SetUser(pr["merged_by"], pull.Owner);
        }
    }

    private static void SetBranch(JsonNode? node, string owner, string repo, FakePullRequest pull, string branch, string sha)
    {
        if (node is not JsonObject side)
        {
            return;
        }

        side["label"] = $"{owner}:{branch}";
        side["ref"] = branch;
        side["sha"] = sha;
        GitHubJson.SetUser(side["user"], owner);
        GitHubJson.SetRepository(side["repo"], owner, repo, pull.CloneUrl, pull.BaseBranch);
    }
}
