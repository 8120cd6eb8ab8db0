namespace IaCBot.Infrastructure.GitLab;

/// <summary>How to reach a GitLab instance (gitlab.com or self-managed) and its API v4.</summary>
/// <param name="BaseUrl">The instance's web address, <c>https://gitlab.com</c> or <c>https://git.example.com/gitlab</c>; the API is under <c>api/v4/</c>.</param>
/// <param name="Token">A personal, group or project access token with the <c>api</c> scope, sent as <c>PRIVATE-TOKEN</c>.</param>
public sealed record GitLabSettings(Uri BaseUrl, string? Token)
{
    /// <summary>The host repositories live on, as <see cref="Core.Vcs.RepoId.Host"/> names it: the URL's authority.</summary>
    public string Host => BaseUrl.Authority;

    internal Uri ApiRoot => new(BaseUrl.AbsoluteUri.TrimEnd('/') + "/api/v4/");
}
