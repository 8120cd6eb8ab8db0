using IaCBot.Core.Vcs;
using IaCBot.Infrastructure.GitLab.Models;

namespace IaCBot.Infrastructure.GitLab;

/// <summary>GitLab's words to IaCBot's (which are GitHub's, as the rest of IaCBot speaks them).</summary>
internal static class GitLabMapping
{
    /// <summary>
    /// GitLab's <c>detailed_merge_status</c> as GitHub's <c>mergeable</c>/<c>mergeable_state</c>: <c>mergeable</c> is
    /// <c>clean</c>; while GitLab is still computing it, unknown (null), as GitHub's null; anything else blocks, under
    /// GitLab's own name so the reply says what to fix. Instances before 15.6 send only <c>merge_status</c>.
    /// </summary>
    /// <seealso href="https://docs.gitlab.com/ee/api/merge_requests.html#merge-status"/>
    public static (bool? Mergeable, string? State) Mergeability(string? detailed, string? coarse) => detailed switch
    {
        "mergeable" => (true, "clean"),
        "unchecked" or "checking" or "preparing" or "approvals_syncing" => (null, detailed),
        { Length: > 0 } => (false, detailed),
        _ => coarse switch
        {
            "can_be_merged" => (true, "clean"),
            "cannot_be_merged" or "cannot_be_merged_recheck" => (false, coarse),
            _ => (null, coarse),
        },
    };

    /// <summary><c>opened</c> and <c>locked</c> (a merge in progress) are open; <c>merged</c> and <c>closed</c> are not.</summary>
    public static PullRequestState State(string? state) => state switch
    {
        "merged" => PullRequestState.Merged,
        "closed" => PullRequestState.Closed,
        _ => PullRequestState.Open,
    };

    /// <summary>
    /// A member's access level as a role: guest reads, reporter is GitHub's triage, developer may push (write),
    /// maintainer maintains and owner administers. Minimal access (5) and no access (0) are none.
    /// </summary>
    /// <seealso href="https://docs.gitlab.com/ee/api/members.html#roles"/>
    public static RepoRole Role(int accessLevel) => accessLevel switch
    {
        >= 50 => RepoRole.Admin,
        >= 40 => RepoRole.Maintain,
        >= 30 => RepoRole.Write,
        >= 20 => RepoRole.Triage,
        >= 10 => RepoRole.Read,
        _ => RepoRole.None,
    };

    /// <summary>
    /// GitLab's commit status states: a running plan is <c>running</c> (as Atlantis posts it), both kinds of failure
    /// are <c>failed</c>.
    /// </summary>
    /// <seealso href="https://docs.gitlab.com/ee/api/commits.html#set-the-pipeline-status-of-a-commit"/>
    public static string StatusState(CommitState state) => state switch
    {
        CommitState.Pending => "running",
        CommitState.Success => "success",
        _ => "failed",
    };

    /// <summary>Only active members count: a blocked user or a pending invitation does not.</summary>
    public static bool IsActive(GitLabMember member) => member.State is null or "active";

    /// <summary><c>group/sub/project</c> as a RepoId: the namespace is the owner, the last segment the name.</summary>
    public static RepoId? Repo(string host, string? pathWithNamespace)
    {
        var slash = pathWithNamespace?.LastIndexOf('/') ?? -1;
        return slash <= 0 || slash == pathWithNamespace!.Length - 1
            ? null
            : new RepoId(host, pathWithNamespace[..slash], pathWithNamespace[(slash + 1)..], VcsKind.GitLab);
    }
}
