namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// A pull request the fake GitHub serves. Tests change it between steps (a push, a review, a merge) and the next
/// API call sees the change; webhooks built from it by <see cref="GitHubWebhooks"/> carry the same values.
/// </summary>
public sealed class FakePullRequest
{
    private readonly FakeGitHubState _state;

    internal FakePullRequest(FakeGitHubState state, string owner, string repo, int number)
    {
        _state = state;
        Owner = owner;
        Repo = repo;
        Number = number;
    }

    public string Owner { get; }

    public string Repo { get; }

    public int Number { get; }

    public string Author { get; set; } = "";

    public string Title { get; set; } = "Update the infrastructure";

    public string HeadSha { get; set; } = "";

    public string HeadBranch { get; set; } = "";

    public string BaseBranch { get; set; } = "main";

    /// <summary>The base branch's commit; GitHub always sends one, tests rarely care which.</summary>
    public string BaseSha { get; set; } = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";

    public string CloneUrl { get; set; } = "";

    public bool Draft { get; set; }

    /// <summary>The owner of the fork the head branch lives in; null for a branch of the repository itself.</summary>
    public string? ForkOwner { get; set; }

    /// <summary>The fork's name, when <see cref="ForkOwner"/> is set.</summary>
    public string? ForkName { get; set; }

    /// <summary>The fork was deleted: GitHub then sends <c>head.repo: null</c>.</summary>
    public bool ForkDeleted { get; set; }

    /// <summary><c>open</c> or <c>closed</c>; a merged PR is <c>closed</c> with <see cref="Merged"/> set.</summary>
    public string State { get; set; } = "open";

    public bool Merged { get; set; }

    /// <summary>GitHub answers <c>null</c> while it is still computing mergeability.</summary>
    public bool? Mergeable { get; set; } = true;

    public string MergeableState { get; set; } = "clean";

    public List<string> Files { get; } = [];

    public List<FakeReview> Reviews { get; } = [];

    /// <summary>Submits a review on the current head commit, later than every review before it.</summary>
    public FakeReview AddReview(string user, string state)
    {
        lock (_state.Gate)
        {
            var review = new FakeReview(_state.NextId(), user, state, _state.NextTimestamp()) { CommitId = HeadSha };
            Reviews.Add(review);
            return review;
        }
    }

    public void Close() => State = "closed";

    public void Merge()
    {
        State = "closed";
        Merged = true;
        Mergeable = null;
        MergeableState = "unknown";
    }

    internal IReadOnlyList<FakeReview> ReviewsSnapshot()
    {
        lock (_state.Gate)
        {
            return [.. Reviews];
        }
    }

    internal IReadOnlyList<string> FilesSnapshot()
    {
        lock (_state.Gate)
        {
            return [.. Files];
        }
    }
}
