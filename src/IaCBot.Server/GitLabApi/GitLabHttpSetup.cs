using IaCBot.Server.GitHostHttp;

namespace IaCBot.Server.GitLabApi;

/// <summary>The HTTP client GitLab's API is called through; its limits are fixed rather than settings.</summary>
internal static class GitLabHttpSetup
{
    /// <summary>An attempt may take 30 s; a read waits out a rate limit of up to a minute and fails at once on a longer one.</summary>
    public static readonly GitHostHttpLimits Limits = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));

    public static IServiceCollection AddGitLabHttpClient(this IServiceCollection services, string name) =>
        services.AddGitHostHttpClient(name, new GitLabWaits(), _ => Limits);
}
