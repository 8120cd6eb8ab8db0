namespace IaCBot.Infrastructure.GitLab.Models;

/// <summary>A user as GitLab's API names one: <c>author</c>, <c>approved_by[].user</c>, <c>GET /users</c>.</summary>
internal sealed record GitLabUser(long Id, string? Username, string? State);
