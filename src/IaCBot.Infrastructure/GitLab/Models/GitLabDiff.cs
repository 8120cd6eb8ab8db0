namespace IaCBot.Infrastructure.GitLab.Models;

/// <summary>One file of <c>GET .../merge_requests/:iid/diffs</c>; a rename has both paths.</summary>
internal sealed record GitLabDiff(string? OldPath, string? NewPath);
