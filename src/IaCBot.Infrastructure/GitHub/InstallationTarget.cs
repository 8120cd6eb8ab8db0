namespace IaCBot.Infrastructure.GitHub;

/// <summary>
/// Whose installation a call needs: the account that owns the repository or the organisation, and a repository of
/// it when the call has one (the installation is found through it, so an App given only some repositories works).
/// </summary>
internal sealed record InstallationTarget(string Owner, string? Repo);
