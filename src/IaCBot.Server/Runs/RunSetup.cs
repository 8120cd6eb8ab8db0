using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.Outbox;
using IaCBot.Core.Processes;
using IaCBot.Core.Runs;
using IaCBot.Core.Terraform;
using IaCBot.Core.Workflows;
using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Runs;

/// <summary>Core's runners and handlers: shared pieces as singletons, the per-command ones in each job's scope.</summary>
internal static class RunSetup
{
    public static IServiceCollection AddRuns(this IServiceCollection services)
    {
        services.AddSingleton<PullRequestLocks>();
        services.AddSingleton<CommentRenderer>();
        services.AddSingleton(sp => new CommentParser(
            sp.GetRequiredService<BotSettings>().CommandNames,
            sp.GetRequiredService<IOptions<ServerOptions>>().Value.EffectiveDenyExtraArgs,
            sp.GetRequiredService<IOptions<ServerOptions>>().Value.EffectiveAllowCommands));
        services.AddSingleton(sp =>
        {
            // The server's secrets are masked by the process runner, in every program's output.
            var options = sp.GetRequiredService<IOptions<TerraformOptions>>().Value;
            var github = sp.GetRequiredService<IOptions<GitHubOptions>>().Value;
            var api = sp.GetRequiredService<IOptions<ApiOptions>>().Value;
            var secrets = new[] { github.Token, github.WebhookSecret, api.Secret }.OfType<string>().Where(s => s.Length > 0).ToList();
            return new TerraformRunner(sp.GetRequiredService<IProcessRunner>(), new TerraformSettings(options.Binary, Durations.Parse(options.Timeout), secrets));
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<OutboxOptions>>().Value;
            return OutboxSettings.Default with { FirstRetryDelay = Durations.Parse(options.RetryDelay) };
        });
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<PullRequestNotifier>();

        services.AddSingleton(sp => new WorkflowRunner(
            sp.GetRequiredService<TerraformRunner>(), sp.GetRequiredService<IProcessRunner>(), RunLogSetup.OutputTailChars(sp)));
        services.AddSingleton(sp => new ProjectScheduler(sp.GetRequiredService<IOptions<ServerOptions>>().Value.ParallelPoolSize));
        services.AddSingleton<ProjectLocker>();

        // Scoped: they name the log files of the job's run.
        services.AddScoped<StepContexts>();
        services.AddScoped<Core.RunHistory.RunRecorder>();
        services.AddScoped<WorkflowHooks>();

        services.AddScoped<RunConfigurationLoader>();
        services.AddScoped<ProjectSelector>();
        services.AddScoped<ProjectPlanner>();
        services.AddScoped<ProjectApplier>();
        services.AddScoped<RequirementChecker>();
        services.AddScoped<StateCommandRunner>();
        services.AddScoped<Automerge>();
        services.AddScoped<PlanRunner>();
        services.AddScoped<ApplyRunner>();
        services.AddScoped<RefRunner>();
        services.AddScoped<UnlockRunner>();
        services.AddScoped<VersionRunner>();
        services.AddScoped<PullRequestEventProcessor>();
        services.AddScoped<CommentCommandHandler>();
        return services;
    }
}
