using IaCBot.Core.Git;

namespace IaCBot.Infrastructure.Git;

/// <summary>Where checkouts live and how git reaches the host.</summary>
/// <param name="ReposRoot">The folder under data_dir that holds every PR's checkouts.</param>
/// <param name="Credentials">What a fetch sends, only to the repository's own host over https, so a clone URL elsewhere never gets it.</param>
public sealed record GitSettings(
    string ReposRoot,
    IGitCredentials Credentials,
    TimeSpan Timeout,
    string GitBinary = "git");
