namespace IaCBot.Core.Vcs;

/// <summary>A configured Git host (as in <see cref="RepoId.Host"/>, e.g. <c>gitlab.example.com</c>) and the client of its API.</summary>
/// <param name="Kind">The host's software: a repository on an unlisted host goes to the one client of its kind, if there is one.</param>
public sealed record VcsHostClient(string Host, IVcsClient Client, VcsKind Kind = VcsKind.GitHub);
