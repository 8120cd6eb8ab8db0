namespace IaCBot.Infrastructure.GitLab.Models;

/// <summary>
/// <c>GET .../merge_requests/:iid/changes</c>, the only way GitLab before 15.7 lists a merge request's files: the
/// merge request with its diffs, unpaged. <c>overflow</c> says the instance's diff limit cut the list short.
/// </summary>
internal sealed record GitLabMergeRequestChanges(IReadOnlyList<GitLabDiff>? Changes, bool Overflow);
