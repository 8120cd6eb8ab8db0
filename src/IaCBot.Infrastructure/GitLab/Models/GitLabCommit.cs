namespace IaCBot.Infrastructure.GitLab.Models;

/// <summary>The field of <c>GET /projects/:id/repository/commits/:sha</c> IaCBot reads: the commit's full SHA.</summary>
internal sealed record GitLabCommit(string? Id);
