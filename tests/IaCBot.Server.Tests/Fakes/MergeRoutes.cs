using WireMock;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>Merge a pull request, and delete a branch through its ref, with GitHub's refusals.</summary>
/// <seealso href="https://docs.github.com/en/rest/pulls/pulls#merge-a-pull-request"/>
internal sealed class MergeRoutes(FakeGitHubState state)
{
    public IEnumerable<ApiRoute> All() =>
    [
        new("PUT", ApiRoute.RepoPath + "/pulls/(?<number>[0-9]+)/merge$", Merge),
        new("DELETE", ApiRoute.RepoPath + "/git/refs/heads/(?<sha>.+)$", DeleteBranch),
    ];

    private ResponseMessage Merge(ApiRequest request)
    {
        if (request.Number is not { } number || state.FindPull(request.Owner, request.Repo, number) is not { } pull)
        {
            return GitHubResponses.NotFound();
        }

        lock (state.Gate)
        {
            if (pull.State != "open" || pull.Mergeable == false)
            {
                var refused = GitHubFixtures.Object("api/merge-pull-request.405.json");
                return GitHubResponses.Json(405, refused);
            }

            var merged = GitHubFixtures.Object("api/merge-pull-request.200.json");
            merged["sha"] = pull.HeadSha;
            pull.Merge();
            return GitHubResponses.Json(200, merged);
        }
    }

    private ResponseMessage DeleteBranch(ApiRequest request)
    {
        var branch = Uri.UnescapeDataString(request.Sha);
        return state.DeleteBranch(request.Owner, request.Repo, branch)
            ? GitHubResponses.Raw(204, "")
            : GitHubResponses.Error(422, "Reference does not exist");
    }
}
