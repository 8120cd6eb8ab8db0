namespace IaCBot.Infrastructure.GitLab.Models;

/// <summary>The fields of <c>GET /projects/:id/merge_requests/:iid</c> IaCBot reads.</summary>
/// <param name="WorkInProgress">The draft flag of GitLab before 13.x, which later versions still send.</param>
/// <param name="MergeStatus">The older, coarser mergeability (<c>can_be_merged</c>), for instances without <c>detailed_merge_status</c>.</param>
internal sealed record GitLabMergeRequest(
    int Iid,
    string? Sha,
    string? SourceBranch,
    string? TargetBranch,
    bool Draft,
    bool WorkInProgress,
    string? State,
    string? DetailedMergeStatus,
    string? MergeStatus,
    string? WebUrl,
    GitLabUser? Author,
    long? SourceProjectId,
    long? TargetProjectId);
