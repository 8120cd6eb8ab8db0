using System.Text.Json.Nodes;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>Gitea's JSON objects for the fake's state: a PR as <c>GET /pulls/{index}</c> answers it and as webhooks carry it.</summary>
internal static class GiteaJson
{
    /// <param name="webUrl">The fake server's root, ending in <c>/</c>, which html_url links start with.</param>
    public static JsonObject PullRequest(FakePullRequest pr, string webUrl)
    {
        var json = GiteaFixtures.Object("api/get-pull-request.json");
        json["number"] = pr.Number;
        json["title"] = pr.Title;
        json["state"] = pr.State;
        json["merged"] = pr.Merged;
        json["mergeable"] = pr.Mergeable ?? false;
        json["html_url"] = $"{webUrl}{pr.Owner}/{pr.Repo}/pulls/{pr.Number}";
        SetUser(json["user"], pr.Author);
        var headOwner = pr.ForkOwner ?? pr.Owner;
        var headName = pr.ForkName ?? pr.Repo;
        SetBranch(json["head"]!.AsObject(), pr.HeadBranch, pr.HeadSha);
        if (pr.ForkDeleted)
        {
            json["head"]!["repo"] = null;
        }
        else
        {
            SetRepository(json["head"]!["repo"], headOwner, headName, pr.CloneUrl, webUrl);
        }

        SetBranch(json["base"]!.AsObject(), pr.BaseBranch, pr.BaseSha);
        SetRepository(json["base"]!["repo"], pr.Owner, pr.Repo, pr.CloneUrl, webUrl);
        return json;
    }

    public static void SetRepository(JsonNode? repository, string owner, string name, string cloneUrl, string webUrl)
    {
        var repo = repository!.AsObject();
        repo["name"] = name;
        repo["full_name"] = $"{owner}/{name}";
        repo["html_url"] = $"{webUrl}{owner}/{name}";
        repo["clone_url"] = cloneUrl;
        SetUser(repo["owner"], owner);
    }

    /// <summary>Gitea sends both <c>login</c> and, for older clients, <c>username</c>.</summary>
    public static void SetUser(JsonNode? user, string login)
    {
        user!["login"] = login;
        user["username"] = login;
        user["id"] = Math.Abs(login.GetHashCode(StringComparison.Ordinal) % 100_000);
    }

    private static void SetBranch(JsonObject branch, string name, string sha)
    {
        branch["label"] = name;
        branch["ref"] = name;
        branch["sha"] = sha;
    }
}
