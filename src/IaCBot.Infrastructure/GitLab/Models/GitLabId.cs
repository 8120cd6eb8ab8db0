namespace IaCBot.Infrastructure.GitLab.Models;

/// <summary>The id of something just created, such as a note.</summary>
internal sealed record GitLabId(long Id);
