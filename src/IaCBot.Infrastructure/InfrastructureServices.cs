using IaCBot.Core.Git;
using IaCBot.Core.Outbox;
using IaCBot.Core.Processes;
using IaCBot.Core.Redaction;
using IaCBot.Core.Storage;
using IaCBot.Core.Terraform;
using IaCBot.Core.Vcs;
using IaCBot.Infrastructure.Git;
using IaCBot.Infrastructure.GitHub;
using IaCBot.Infrastructure.Gitea;
using IaCBot.Infrastructure.GitLab;
using IaCBot.Infrastructure.Processes;
using IaCBot.Infrastructure.Storage.LiteDb;
using IaCBot.Infrastructure.Storage.Postgres;
using IaCBot.Infrastructure.Terraform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace IaCBot.Infrastructure;

/// <summary>Registers the adapters behind Core's ports.</summary>
public static class InfrastructureServices
{
    /// <summary>Locks, plans, deliveries, the outbox, the apply lock and PR tickets in one LiteDB file.</summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services, Func<IServiceProvider, string> databasePath)
    {
        services.AddSingleton(sp => new LiteDbContext(databasePath(sp)));
        services.AddSingleton<ILockStore, LiteDbLockStore>();
        services.AddSingleton<IPlanStore, LiteDbPlanStore>();
        services.AddSingleton<IDeliveryStore, LiteDbDeliveryStore>();
        services.AddSingleton<IIntakeJournal, LiteDbIntakeJournal>();
        services.AddSingleton<IOutboxStore, LiteDbOutboxStore>();
        services.AddSingleton<IJobLedger, LiteDbJobLedger>();
        services.AddSingleton<IApplyLockStore, LiteDbApplyLockStore>();
        services.AddSingleton<ITicketStore, LiteDbTicketStore>();
        services.AddSingleton<Core.RunHistory.IRunHistory, LiteDbRunHistory>();
        services.AddSingleton<Core.RunLogs.IRunLogStore, LiteDbRunLogStore>();
        return services;
    }

    /// <summary>
    /// The same stores in a PostgreSQL database that several replicas share (schema <c>iacbot</c>), its schema brought
    /// up to date at start-up. Register it before the job workers, so the schema is ready when they start.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        services.AddSingleton(sp => new PostgresDatabase(connectionString(sp)));
        services.AddSingleton<IHostedService>(sp => new PostgresStartup(sp.GetRequiredService<PostgresDatabase>(), connectionString(sp)));
        services.AddSingleton<ILockStore, PostgresLockStore>();
        services.AddSingleton<IPlanStore, PostgresPlanStore>();
        services.AddSingleton<IDeliveryStore, PostgresDeliveryStore>();
        services.AddSingleton<IIntakeJournal, PostgresIntakeJournal>();
        services.AddSingleton<IOutboxStore, PostgresOutboxStore>();
        services.AddSingleton<IJobLedger, PostgresJobLedger>();
        services.AddSingleton<IApplyLockStore, PostgresApplyLockStore>();
        services.AddSingleton<ITicketStore, PostgresTicketStore>();
        services.AddSingleton<Core.RunHistory.IRunHistory, PostgresRunHistory>();
        services.AddSingleton<Core.RunLogs.IRunLogStore, PostgresRunLogStore>();
        return services;
    }

    /// <summary>
    /// Runs git, terraform and custom steps; <paramref name="killGrace"/> is how long an interrupted program may take to
    /// stop. Their output is masked with the registered <see cref="Redactor"/>.
    /// </summary>
    /// <param name="maxOutputChars">How much of a program's output (its end) is kept in memory; the default is 1 MiB.</param>
    public static IServiceCollection AddProcessRunner(
        this IServiceCollection services, Func<IServiceProvider, TimeSpan> killGrace, Func<IServiceProvider, int>? maxOutputChars = null) =>
        services.AddSingleton<IProcessRunner>(sp => new CliWrapProcessRunner(
            sp.GetRequiredService<TimeProvider>(),
            killGrace(sp),
            sp.GetRequiredService<Redactor>(),
            maxOutputChars?.Invoke(sp) ?? CliWrapProcessRunner.DefaultMaxOutputChars));

    public static IServiceCollection AddGitCheckouts(this IServiceCollection services, Func<IServiceProvider, GitSettings> settings) =>
        services.AddSingleton<IWorkingDirectories>(sp => new GitWorkingDirectories(sp.GetRequiredService<IProcessRunner>(), settings(sp)));

    /// <summary>
    /// GitHub's API on the named HttpClient's handler pipeline, so its resilience handler applies. It serves the
    /// repositories of <paramref name="host"/> through the <see cref="VcsRouter"/>.
    /// </summary>
    /// <remarks>
    /// With <see cref="GitHubSettings.App"/> set, the calls carry its installation tokens, and
    /// <see cref="GitHubAppTokens"/> is there to resolve for git's credentials.
    /// </remarks>
    public static IServiceCollection AddGitHubClient(
        this IServiceCollection services, Func<IServiceProvider, GitHubSettings> settings, Func<IServiceProvider, string> host, string httpClientName)
    {
        // Only resolved when an App is set, so the error below is for a wiring mistake, not a user's.
        services.AddSingleton(sp =>
        {
            var github = settings(sp);
            var handlers = sp.GetRequiredService<IHttpMessageHandlerFactory>();
            return new GitHubAppTokens(
                github.App ?? throw new InvalidOperationException("GitHub App tokens were asked for, but no GitHub App is set."),
                github.ApiUrl, () => handlers.CreateHandler(httpClientName), sp.GetRequiredService<TimeProvider>());
        });
        return services.AddVcsHost(sp =>
        {
            var github = settings(sp);
            var handlers = sp.GetRequiredService<IHttpMessageHandlerFactory>();
            var appTokens = github.App is null ? null : sp.GetRequiredService<GitHubAppTokens>();
            var client = new GitHubVcsClient(github, () => handlers.CreateHandler(httpClientName), sp.GetRequiredService<TimeProvider>(), appTokens);
            return new VcsHostClient(host(sp), client);
        });
    }

    /// <summary>
    /// A Gitea or Forgejo server's API through the named HttpClient (so its resilience handler applies), serving the
    /// repositories of the server's host through the <see cref="VcsRouter"/>.
    /// </summary>
    public static IServiceCollection AddGiteaClient(
        this IServiceCollection services, Func<IServiceProvider, GiteaSettings> settings, string httpClientName) =>
        services.AddVcsHost(sp =>
        {
            var gitea = settings(sp);
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new VcsHostClient(gitea.Host, new GiteaVcsClient(gitea, () => factory.CreateClient(httpClientName)), VcsKind.Gitea);
        });

    /// <summary>
    /// GitLab's API v4 through the named HttpClient (its resilience handler applies), serving the repositories of
    /// the instance's host (<see cref="GitLabSettings.Host"/>) through the <see cref="VcsRouter"/>.
    /// </summary>
    public static IServiceCollection AddGitLabClient(
        this IServiceCollection services, Func<IServiceProvider, GitLabSettings> settings, string httpClientName) =>
        services.AddVcsHost(sp =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            var gitlab = settings(sp);
            var client = new GitLabVcsClient(gitlab, () => factory.CreateClient(httpClientName), sp.GetRequiredService<TimeProvider>());
            return new VcsHostClient(gitlab.Host, client, VcsKind.GitLab);
        });

    /// <summary>Adds a Git host's client; the one <see cref="IVcsClient"/> the app sees routes each repository to its host's.</summary>
    public static IServiceCollection AddVcsHost(this IServiceCollection services, Func<IServiceProvider, VcsHostClient> host)
    {
        services.AddSingleton(host);
        services.TryAddSingleton<IVcsClient>(sp => new VcsRouter(sp.GetServices<VcsHostClient>()));
        return services;
    }

    /// <summary>
    /// Per-project terraform and OpenTofu versions. Transient, so each job gets a fresh client from the factory (whose
    /// handlers are rotated) rather than one kept for the server's life for a download that is rare.
    /// </summary>
    public static IServiceCollection AddTerraformBinaries(
        this IServiceCollection services, Func<IServiceProvider, TerraformBinarySettings> settings, string httpClientName) =>
        services.AddTransient<ITerraformBinaries>(sp =>
            new TerraformBinaries(sp.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName), settings(sp)));
}
