namespace IaCBot.Infrastructure.Git;

/// <summary>Where checkouts live and how git reaches the host.</summary>
/// <param name="ReposRoot">The folder under data_dir that holds every PR's checkouts.</param>
/// <param name="Token">The host token, sent only to <paramref name="TokenHosts"/> over https.</param>
/// <param name="TokenHosts">Hosts that may receive the token (the Git host's own), so a clone URL elsewhere never gets it.</param>
public sealed record GitSettings(
    string ReposRoot,
    string? Token,
    IReadOnlyCollection<string> TokenHosts,
    TimeSpan Timeout,
    string GitBinary = "git");
