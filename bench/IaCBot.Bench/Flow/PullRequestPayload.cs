using System.Text.Json.Nodes;

namespace IaCBot.Bench.Flow;

/// <summary>
/// A <c>pull_request</c> <c>opened</c> delivery: GitHub's own example payload (Fixtures/pull_request.opened.json) with
/// its repository's clone URL pointed at the local <see cref="GitRemote"/> and the PR's number, branches and shas set.
/// Its repository stays Codertocat/Hello-World on github.com, so the server's allowlist is <see cref="Allowlist"/>.
/// </summary>
internal static class PullRequestPayload
{
    public const string Allowlist = "github.com/Codertocat/*";
    private const string FixtureCloneUrl = "https://github.com/Codertocat/Hello-World.git";

    /// <summary>The delivery's body and the pull request the stub must serve for it.</summary>
    public static (string Delivery, StubPullRequest Pull) Opened(int number, GitRemote remote, string branch, string headSha, string baseSha, IReadOnlyList<string> files)
    {
        var text = File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "pull_request.opened.json"))
            .Replace(FixtureCloneUrl, remote.CloneUrl, StringComparison.Ordinal);
        var payload = JsonNode.Parse(text)!.AsObject();
        payload["number"] = number;
        var pr = payload["pull_request"]!.AsObject();
        pr["number"] = number;
        pr["html_url"] = $"https://github.com/Codertocat/Hello-World/pull/{number}";
        pr["mergeable"] = true;
        pr["mergeable_state"] = "clean";
        pr["changed_files"] = files.Count;
        SetBranch(pr["head"]!.AsObject(), branch, headSha);
        SetBranch(pr["base"]!.AsObject(), GitRemote.DefaultBranch, baseSha);
        return (payload.ToJsonString(), new StubPullRequest(number, pr.ToJsonString(), files));
    }

    private static void SetBranch(JsonObject side, string branch, string sha)
    {
        side["ref"] = branch;
        side["sha"] = sha;
        side["label"] = $"Codertocat:{branch}";
    }
}
