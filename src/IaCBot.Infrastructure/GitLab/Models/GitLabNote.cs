namespace IaCBot.Infrastructure.GitLab.Models;

/// <summary>A merge request note; <paramref name="System"/> ones are GitLab's own (a push, a label), not comments.</summary>
internal sealed record GitLabNote(long Id, string? Body, bool System, GitLabUser? Author);
