using IaCBot.Core.Git;
using IaCBot.Core.Vcs;
using IaCBot.Infrastructure;
using IaCBot.Infrastructure.Git;
using IaCBot.Infrastructure.GitHub;
using IaCBot.Infrastructure.Gitea;
using IaCBot.Infrastructure.GitLab;
using IaCBot.Infrastructure.Storage.Postgres;
using IaCBot.Infrastructure.Terraform;
using IaCBot.Server.Access;
using IaCBot.Server.Api;
using IaCBot.Server.Cli;
using IaCBot.Server.Configuration;
using IaCBot.Server.GitHubApi;
using IaCBot.Server.GiteaApi;
using IaCBot.Server.GitLabApi;
using IaCBot.Server.Health;
using IaCBot.Server.Jobs;
using IaCBot.Server.Redaction;
using IaCBot.Server.Observability;
using IaCBot.Server.Runs;
using IaCBot.Server.Web;
using IaCBot.Server.Storage;
using IaCBot.Server.Webhooks;
using Microsoft.Extensions.Options;

namespace IaCBot.Server;

/// <summary>The whole app's wiring: each feature adds its services and maps its endpoints.</summary>
internal static class IaCBotServer
{
    private const string GitHubHttpClient = "github";
    private const string GiteaHttpClient = "gitea";
    private const string GitLabHttpClient = "gitlab";
    private const string TerraformReleasesHttpClient = "terraform-releases";

    public static WebApplicationBuilder AddIaCBot(this WebApplicationBuilder builder, string[] args)
    {
        builder.AddIaCBotSettings(args);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddRedaction();

        builder.AddStorage();
        services.AddProcessRunner(
            sp => Durations.Parse(sp.GetRequiredService<IOptions<TerraformOptions>>().Value.KillGrace), RunLogSetup.OutputTailChars);
        services.AddGitCheckouts(sp =>
        {
            var server = sp.GetRequiredService<IOptions<ServerOptions>>().Value;
            var github = sp.GetRequiredService<IOptions<GitHubOptions>>().Value;
            var timeout = Durations.Parse(sp.GetRequiredService<IOptions<TerraformOptions>>().Value.Timeout);
            var gitlab = sp.GetRequiredService<IOptions<GitLabOptions>>().Value;
            var hosts = new Dictionary<string, Func<RepoId, CancellationToken, Task<GitCredential?>>>(StringComparer.OrdinalIgnoreCase)
            {
                [github.WebHost] = github.IsApp
                    ? sp.GetRequiredService<GitHubAppTokens>().GitCredentialAsync
                    : HostGitCredentials.Fixed("x-access-token", github.Token),

                // GitLab takes any user name with an access token over https; oauth2 is the one its docs use.
                [gitlab.BaseUri.Authority] = HostGitCredentials.Fixed("oauth2", gitlab.Token),
            };
            AddGiteaCredentials(hosts, sp.GetRequiredService<IOptions<GiteaOptions>>().Value);
            var credentials = new HostGitCredentials(hosts);
            return new GitSettings(Path.Combine(Path.GetFullPath(server.DataDir), "repos"), credentials, timeout);
        });
        services.AddGitHubHttpClient(GitHubHttpClient);
        services.AddGitHubClient(sp =>
        {
            var github = sp.GetRequiredService<IOptions<GitHubOptions>>().Value;
            return new GitHubSettings(github.ApiUri, github.Token) { App = GitHubAppSetting.Read(github) };
        }, sp => sp.GetRequiredService<IOptions<GitHubOptions>>().Value.WebHost, GitHubHttpClient);
        AddGitea(builder);

        services.AddGitLab();

        services.AddHttpClient(TerraformReleasesHttpClient, client => client.Timeout = TimeSpan.FromMinutes(10));
        services.AddTerraformBinaries(sp =>
        {
            var terraform = sp.GetRequiredService<IOptions<TerraformOptions>>().Value;
            var dataDir = Path.GetFullPath(sp.GetRequiredService<IOptions<ServerOptions>>().Value.DataDir);
            return new TerraformBinarySettings(
                terraform.Binary, terraform.TofuBinary, terraform.BinDir ?? Path.Combine(dataDir, "bin"), terraform.Download,
                new Uri(WithSlash(terraform.DownloadUrl)), new Uri(WithSlash(terraform.TofuDownloadUrl)))
            {
                TerraformSigningKey = FullPathOrNull(terraform.ReleaseSigningKey),
                TofuSigningKey = FullPathOrNull(terraform.TofuReleaseSigningKey),
            };
        }, TerraformReleasesHttpClient);

        services.AddRuns();
        services.AddCommandAccess();
        services.AddCommandOrder();
        services.AddRunLogs();
        services.AddWebhooks();
        services.AddJobQueue();
        services.AddApi();
        services.AddObservability();
        services.AddWeb();
        services.AddSingleton<ReadinessCheck>();
        builder.AddLogFormat();
        return builder;
    }

    /// <summary>
    /// Builds and runs the server; a bad setting ends it with exit code 2 and a message naming the key.
    /// <c>iacbot validate ...</c> checks config files instead, without building the server.
    /// </summary>
    public static async Task<int> RunIaCBotAsync(this WebApplicationBuilder builder, string[] args)
    {
        if (args.Length > 0 && args[0] == ValidateCommand.Verb)
        {
            return ValidateCommand.Run(args[1..], Console.Out, Console.Error);
        }

        try
        {
            builder.AddIaCBot(args);
            var app = builder.Build();

            // Settings are checked before any service (the database among them) is created from them.
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            app.MapIaCBot();
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (ex is SettingsException or StorageUnavailableException)
        {
            await Console.Error.WriteLineAsync($"iacbot: {ex.Message}");
            return 2;
        }
        catch (OptionsValidationException ex)
        {
            return await ReportInvalidSettingsAsync(ex.Failures);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Several sections failing at once arrive together: report them all in one go.
            return await ReportInvalidSettingsAsync(ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"iacbot: {ex.Message}");
            return 2;
        }
    }

    /// <summary>A Gitea or Forgejo server beside GitHub, when <c>gitea:token</c> is set (settings are checked at start).</summary>
    private static void AddGitea(WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["gitea:token"]))
        {
            return;
        }

        builder.Services.AddGiteaHttpClient(GiteaHttpClient);
        builder.Services.AddGiteaClient(sp =>
        {
            var gitea = sp.GetRequiredService<IOptions<GiteaOptions>>().Value;
            return new GiteaSettings(gitea.BaseUri!, gitea.Token);
        }, GiteaHttpClient);
    }

    /// <summary>Git fetches from the Gitea server as the bot's user, with its token as the password.</summary>
    private static void AddGiteaCredentials(Dictionary<string, Func<RepoId, CancellationToken, Task<GitCredential?>>> hosts, GiteaOptions gitea)
    {
        if (gitea.IsEnabled && gitea.Host is { } host)
        {
            hosts[host] = HostGitCredentials.Fixed(gitea.User ?? "", gitea.Token);
        }
    }

    /// <summary>
    /// GitLab's client, registered always but serving only with gitlab:token set (its webhooks are refused until
    /// then): settings are bound when the server starts, after its services are listed.
    /// </summary>
    private static void AddGitLab(this IServiceCollection services)
    {
        services.AddGitLabHttpClient(GitLabHttpClient);
        services.AddGitLabClient(sp =>
        {
            var gitlab = sp.GetRequiredService<IOptions<GitLabOptions>>().Value;
            return new GitLabSettings(gitlab.BaseUri, gitlab.Token);
        }, GitLabHttpClient);
    }

    private static string WithSlash(string url) => url.EndsWith('/') ? url : url + "/";

    private static string? FullPathOrNull(string? path) => string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);

    private static async Task<int> ReportInvalidSettingsAsync(IEnumerable<string> failures)
    {
        await Console.Error.WriteLineAsync("iacbot: the settings are not valid:\n  - " + string.Join("\n  - ", failures));
        return 2;
    }

    public static WebApplication MapIaCBot(this WebApplication app)
    {
        app.MapWeb();
        app.MapObservability();
        app.MapHealth();
        app.MapWebhooks();
        app.MapApi();
        return app;
    }
}
