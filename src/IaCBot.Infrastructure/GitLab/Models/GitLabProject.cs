namespace IaCBot.Infrastructure.GitLab.Models;

/// <summary>The fields of <c>GET /projects/:id</c> IaCBot reads: where to clone it from and its full path.</summary>
internal sealed record GitLabProject(long Id, string? PathWithNamespace, string? HttpUrlToRepo);
