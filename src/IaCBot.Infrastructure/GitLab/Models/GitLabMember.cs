namespace IaCBot.Infrastructure.GitLab.Models;

/// <summary>A member of a project or group, direct or inherited (<c>members/all/:user_id</c>).</summary>
/// <param name="AccessLevel">10 guest, 20 reporter, 30 developer, 40 maintainer, 50 owner.</param>
internal sealed record GitLabMember(long Id, string? Username, int AccessLevel, string? State);
