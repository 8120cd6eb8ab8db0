using System.Text.Json.Nodes;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>The REST API's list items and created objects, each shaped like GitHub's own example of it.</summary>
internal static class ApiItemJson
{
    public static JsonObject File(JsonObject template, FakePullRequest pull, string path, string apiUrl)
    {
        var file = template.DeepClone().AsObject();
        var escaped = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        var web = $"https://github.com/{pull.Owner}/{pull.Repo}";
        file["sha"] = GitHubJson.FakeSha($"{pull.HeadSha}:{path}");
        file["filename"] = path;
        file["status"] = "modified";
        file["additions"] = 1;
        file["deletions"] = 1;
        file["changes"] = 2;
        file["blob_url"] = $"{web}/blob/{pull.HeadSha}/{escaped}";
        file["raw_url"] = $"{web}/raw/{pull.HeadSha}/{escaped}";
        file["contents_url"] = $"{apiUrl}repos/{pull.Owner}/{pull.Repo}/contents/{escaped}?ref={pull.HeadSha}";
        file["patch"] = "@@ -1 +1 @@\n-before\n+after";
        return PointAt(file, apiUrl);
    }

    public static JsonObject Review(JsonObject template, FakePullRequest pull, FakeReview review, string apiUrl)
    {
        var item = template.DeepClone().AsObject();
        var html = $"https://github.com/{pull.Owner}/{pull.Repo}/pull/{pull.Number}#pullrequestreview-{review.Id}";
        var api = $"{apiUrl}repos/{pull.Owner}/{pull.Repo}/pulls/{pull.Number}";
        item["id"] = review.Id;
        GitHubJson.SetUser(item["user"], review.User);
        item["body"] = "";
        item["state"] = review.State;
        item["html_url"] = html;
        item["pull_request_url"] = api;
        item["_links"] = new JsonObject
        {
            ["html"] = new JsonObject { ["href"] = html },
            ["pull_request"] = new JsonObject { ["href"] = api },
        };
        item["submitted_at"] = GitHubJson.Timestamp(review.SubmittedAt);
        item["commit_id"] = review.CommitId;
        item["author_association"] = Association(pull, review.User);
        return PointAt(item, apiUrl);
    }

    public static JsonObject Comment(JsonObject template, FakePullRequest pull, StoredComment stored, string apiUrl)
    {
        var comment = template.DeepClone().AsObject();
        var id = stored.Comment.Id;
        var created = GitHubJson.Timestamp(stored.CreatedAt);
        comment["id"] = id;
        comment["url"] = $"{apiUrl}repos/{pull.Owner}/{pull.Repo}/issues/comments/{id}";
        comment["html_url"] = $"https://github.com/{pull.Owner}/{pull.Repo}/pull/{pull.Number}#issuecomment-{id}";
        comment["body"] = stored.Comment.Body;
        GitHubJson.SetUser(comment["user"], stored.Comment.User);
        comment["created_at"] = created;
        comment["updated_at"] = created;
        comment["issue_url"] = $"{apiUrl}repos/{pull.Owner}/{pull.Repo}/issues/{pull.Number}";
        comment["author_association"] = Association(pull, stored.Comment.User);
        return PointAt(comment, apiUrl);
    }

    public static JsonObject Status(JsonObject template, string owner, string repo, string sha, FakeStatus status, StatusStamp stamp, string apiUrl)
    {
        var item = template.DeepClone().AsObject();
        var created = GitHubJson.Timestamp(stamp.CreatedAt);
        item["url"] = $"{apiUrl}repos/{owner}/{repo}/statuses/{sha}";
        item["id"] = stamp.Id;
        item["state"] = status.State;
        item["description"] = status.Description;
        item["target_url"] = status.TargetUrl;
        item["context"] = status.Context;
        item["created_at"] = created;
        item["updated_at"] = created;
        GitHubJson.SetUser(item["creator"], stamp.Creator);
        return PointAt(item, apiUrl);
    }

    // The fixtures' own API links (users, avatars' owners) point at api.github.com; the fake's answers point at the fake.
    private static JsonObject PointAt(JsonObject item, string apiUrl)
    {
        JsonStrings.Replace(item, GitHubJson.PublicApiUrl, apiUrl);
        return item;
    }

    private static string Association(FakePullRequest pull, string user) =>
        string.Equals(user, pull.Owner, StringComparison.OrdinalIgnoreCase) ? "OWNER" : "COLLABORATOR";
}
