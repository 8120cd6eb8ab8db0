namespace IaCBot.Core.Vcs;

/// <summary>The commit a branch, tag or commit SHA names on the Git host, and where the repository is fetched from.</summary>
/// <param name="Sha">The commit's full SHA.</param>
/// <param name="CloneUrl">The repository's https clone URL, as its host gives it.</param>
public sealed record RefCommit(string Sha, string CloneUrl);
