namespace IaCBot.Server.Tests.Fakes.GitLab;

/// <summary>
/// A merge request the fake GitLab serves. Tests change it between steps (a push, an approval, a merge) and the next
/// API call sees the change; webhooks built from it by <see cref="GitLabWebhooks"/> carry the same values.
/// </summary>
public sealed class FakeMergeRequest
{
    internal FakeMergeRequest(FakeGitLabProject project, int iid)
    {
        Project = project;
        Iid = iid;
    }

    internal FakeGitLabProject Project { get; }

    /// <summary>The project's full path, <c>group/sub/project</c>.</summary>
    public string ProjectPath => Project.Path;

    public int Iid { get; }

    public string Author { get; set; } = "";

    public string Title { get; set; } = "Update the infrastructure";

    public string HeadSha { get; set; } = "";

    public string SourceBranch { get; set; } = "";

    public string TargetBranch { get; set; } = "main";

    /// <summary>Where the source branch is fetched from: the project's clone URL, here a local repository.</summary>
    public string CloneUrl { get; set; } = "";

    public bool Draft { get; set; }

    /// <summary><c>opened</c>, <c>closed</c>, <c>locked</c> or <c>merged</c>.</summary>
    public string State { get; set; } = "opened";

    /// <summary>GitLab's <c>detailed_merge_status</c>: <c>mergeable</c>, <c>checking</c>, <c>not_approved</c>, ...</summary>
    public string DetailedMergeStatus { get; set; } = "mergeable";

    public List<string> Files { get; } = [];

    /// <summary>The usernames who approved it.</summary>
    public List<string> Approvers { get; } = [];

    public void Approve(string user)
    {
        lock (Project.Gate)
        {
            Approvers.Add(user);
        }
    }

    public void Close() => State = "closed";

    public void Merge()
    {
        State = "merged";
        DetailedMergeStatus = "not_open";
    }
}
