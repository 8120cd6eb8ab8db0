namespace IaCBot.Infrastructure.Gitea;

/// <summary>How to reach a Gitea or Forgejo server's REST API.</summary>
/// <param name="BaseUrl">The server's web address, such as <c>https://gitea.example.com/</c>; the API is under <c>api/v1/</c>.</param>
/// <param name="Token">An access token of the bot's user, sent as <c>Authorization: token …</c>.</param>
public sealed record GiteaSettings(Uri BaseUrl, string? Token)
{
    /// <summary>The host repositories of this server are known by (<see cref="Core.Vcs.RepoId.Host"/>), port included.</summary>
    public string Host => BaseUrl.Authority;

    /// <summary>The API root, ending in <c>/</c>, also when the server lives under a sub-path.</summary>
    public Uri ApiUrl => new(new Uri(BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl.AbsoluteUri : BaseUrl.AbsoluteUri + "/"), "api/v1/");
}
