using IaCBot.Core.Access;
using IaCBot.Core.Commands;
using Microsoft.Extensions.Configuration;

namespace IaCBot.Server.Configuration;

/// <summary>The <c>server</c> section of iacbot.yaml.</summary>
internal sealed class ServerOptions
{
    public const string Section = "server";

    /// <summary>Where IaCBot keeps its database, job queue and checkouts.</summary>
    [ConfigurationKeyName("data_dir")]
    public string DataDir { get; set; } = "./data";

    /// <summary>The address users reach IaCBot at, for links in comments and statuses.</summary>
    [ConfigurationKeyName("public_url")]
    public string? PublicUrl { get; set; }

    /// <summary>Repositories IaCBot acts on, as globs over <c>host/owner/name</c>.</summary>
    [ConfigurationKeyName("repo_allowlist")]
    public List<string> RepoAllowlist { get; set; } = [];

    /// <summary>The server-side repos.yaml of per-repo policies.</summary>
    [ConfigurationKeyName("repo_config")]
    public string? RepoConfig { get; set; }

    /// <summary>Prefixes that address the bot in comments.</summary>
    [ConfigurationKeyName("command_names")]
    public List<string> CommandNames { get; set; } = [];

    /// <summary>Commands users may run (plan, apply, unlock, help, version, import, state; or all); import and state are off by default.</summary>
    [ConfigurationKeyName("allow_commands")]
    public List<string> AllowCommands { get; set; } = [];

    /// <summary>The allowed commands, read; the default set when the setting is empty. Checked at start-up.</summary>
    public IReadOnlyCollection<CommandKind> EffectiveAllowCommands =>
        AllowCommands.Count > 0 && AllowCommandsSetting.TryParse(AllowCommands, out var allowed, out _) && allowed is not null
            ? allowed
            : AllowCommandsSetting.Default;

    /// <summary>How many projects may plan or apply side by side when a repo asks for parallel_plan or parallel_apply.</summary>
    [ConfigurationKeyName("parallel_pool_size")]
    public int ParallelPoolSize { get; set; } = 4;

    /// <summary>
    /// More values to mask as <c>***</c> wherever IaCBot writes text, besides github:token and github:webhook_secret.
    /// The masking itself reads them from the configuration (see Redaction/ServerSecrets); this is for the check at start-up.
    /// </summary>
    [ConfigurationKeyName("redact")]
    public List<string> Redact { get; set; } = [];

    /// <summary>Whether pull requests from forks are planned and take commands; off, as in Atlantis.</summary>
    [ConfigurationKeyName("allow_fork_prs")]
    public bool AllowForkPrs { get; set; }

    /// <summary>Per command (as in allow_commands), the logins and @org/team teams allowed to run it, or '*'.</summary>
    [ConfigurationKeyName("command_permissions")]
    public Dictionary<string, List<string>> CommandPermissions { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Terraform flags a comment may not pass after <c>--</c>, on top of -chdir and -plugin-dir.</summary>
    [ConfigurationKeyName("deny_extra_args")]
    public List<string> DenyExtraArgs { get; set; } = [];

    /// <summary>The per-command lists, read; checked at start-up.</summary>
    public CommandPermissions EffectiveCommandPermissions =>
        CommandPermissionsSetting.Parse(CommandPermissions.Select(p => KeyValuePair.Create(p.Key, (IReadOnlyList<string?>)p.Value)), out _);

    /// <summary>The denied flags, read; checked at start-up.</summary>
    public IReadOnlyList<string> EffectiveDenyExtraArgs =>
        DenyExtraArgsSetting.TryParse(DenyExtraArgs, out var flags, out _) ? flags : [];

    /// <summary>How long running jobs may go on after a stop is asked for, before they are cut short and reported at the next start.</summary>
    [ConfigurationKeyName("shutdown_grace")]
    public string ShutdownGrace { get; set; } = "60s";

    /// <summary>
    /// How often a running server looks for runs that another, dead replica left unfinished (with PostgreSQL; with
    /// LiteDB only one process uses the store and a start finds them all).
    /// </summary>
    [ConfigurationKeyName("recovery_interval")]
    public string RecoveryInterval { get; set; } = "30s";

    /// <summary>How long a PR's command waits for an earlier one of the same PR that no worker has taken, before going on without it.</summary>
    [ConfigurationKeyName("order_wait")]
    public string OrderWait { get; set; } = "5m";

    /// <summary>How much of each command's output (its end) is kept in memory for the PR comment, such as 1MB or 512KB.</summary>
    [ConfigurationKeyName("output_tail_size")]
    public string OutputTailSize { get; set; } = "1MB";

    /// <summary>The most comments one reply is split into; past it the middle of the reply is left out.</summary>
    [ConfigurationKeyName("max_comment_parts")]
    public int MaxCommentParts { get; set; } = Core.Comments.CommentLimits.DefaultMaxParts;

    /// <summary>How long runs' logs (data_dir/logs) are kept.</summary>
    [ConfigurationKeyName("log_retention")]
    public string LogRetention { get; set; } = "30d";

    /// <summary>How long the records of ended runs (run pages, audit, API) are kept.</summary>
    [ConfigurationKeyName("run_retention")]
    public string RunRetention { get; set; } = "90d";

    /// <summary>How the server logs to the console: text, or json (one object a line, scopes included).</summary>
    [ConfigurationKeyName("log_format")]
    public string? LogFormat { get; set; }

    /// <summary>The names used when <see cref="CommandNames"/> is not set.</summary>
    public static readonly string[] DefaultCommandNames = ["iacbot", "atlantis"];

    public IReadOnlyList<string> EffectiveCommandNames => CommandNames.Count > 0 ? CommandNames : DefaultCommandNames;
}
