using IaCBot.Core.Comments;
using IaCBot.Core.RunLogs;
using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Runs;

/// <summary>
/// Where commands' output goes: each run's log files under data_dir/logs (one <see cref="RunLog"/> per job's scope),
/// their copies in the store for other replicas, their clean-up (and the run records', on the same schedule), and how
/// much of the output a PR reply may show.
/// </summary>
internal static class RunLogSetup
{
    public static IServiceCollection AddRunLogs(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var server = sp.GetRequiredService<IOptions<ServerOptions>>().Value;
            var publicUrl = server.PublicUrl is { Length: > 0 } url ? new Uri(url) : null;
            return new RunLogSettings(Path.GetFullPath(server.DataDir), publicUrl);
        });
        services.AddScoped<RunLog>();
        services.AddSingleton<RunLogArchive>();
        services.AddScoped<RunLogCheckpoints>();
        services.AddSingleton(sp => new CommentLimits(sp.GetRequiredService<IOptions<ServerOptions>>().Value.MaxCommentParts));
        services.AddHostedService<RunLogCleanup>();
        services.AddHostedService<RecordCleanup>();
        return services;
    }

    /// <summary>How many characters of each command's output are kept in memory (<c>server:output_tail_size</c>).</summary>
    public static int OutputTailChars(IServiceProvider services) =>
        Sizes.Parse(services.GetRequiredService<IOptions<ServerOptions>>().Value.OutputTailSize);
}
