using IaCBot.Server.GitHostHttp;

namespace IaCBot.Server.GiteaApi;

/// <summary>The HTTP client Gitea's API is called through; its limits are fixed rather than settings.</summary>
internal static class GiteaHttpSetup
{
    /// <summary>An attempt may take 30 s; a read waits out a <c>Retry-After</c> of up to a minute and fails at once on a longer one.</summary>
    public static readonly GitHostHttpLimits Limits = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));

    public static IServiceCollection AddGiteaHttpClient(this IServiceCollection services, string name) =>
        services.AddGitHostHttpClient(name, new GiteaWaits(), _ => Limits);
}
