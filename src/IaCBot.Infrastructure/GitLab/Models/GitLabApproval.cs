namespace IaCBot.Infrastructure.GitLab.Models;

/// <summary>One entry of <c>approved_by</c>.</summary>
internal sealed record GitLabApproval(GitLabUser? User);
