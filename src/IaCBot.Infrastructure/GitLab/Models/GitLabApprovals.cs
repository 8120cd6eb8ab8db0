namespace IaCBot.Infrastructure.GitLab.Models;

/// <summary><c>GET .../merge_requests/:iid/approvals</c>: who has approved the merge request.</summary>
internal sealed record GitLabApprovals(IReadOnlyList<GitLabApproval>? ApprovedBy);
