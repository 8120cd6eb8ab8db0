namespace IaCBot.Core.Vcs;

/// <summary>A configured Git host (as in <see cref="RepoId.Host"/>, e.g. <c>gitlab.example.com</c>) and the client of its API.</summary>
public sealed record VcsHostClient(string Host, IVcsClient Client);
