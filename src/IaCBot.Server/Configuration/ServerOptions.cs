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

    /// <summary>The names used when <see cref="CommandNames"/> is not set.</summary>
    public static readonly string[] DefaultCommandNames = ["iacbot", "atlantis"];

    public IReadOnlyList<string> EffectiveCommandNames => CommandNames.Count > 0 ? CommandNames : DefaultCommandNames;
}
