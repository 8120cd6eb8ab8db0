using System.Collections.ObjectModel;
using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.RepoConfig;

/// <summary>
/// A repo-level config file (<c>iacbot.yaml</c> or <c>atlantis.yaml</c>, Atlantis' version 3 format), validated,
/// with defaults applied. Settings left null were not set in the file: the server's setting applies to them.
/// </summary>
public sealed record RepoConfig
{
    /// <summary>2 or 3; both read the same way here (version 2 differed only in how Atlantis split <c>run</c> commands).</summary>
    public required int Version { get; init; }

    public bool? Automerge { get; init; }

    public AutoDiscoverConfig AutoDiscover { get; init; } = AutoDiscoverConfig.Default;

    public bool? DeleteSourceBranchOnMerge { get; init; }

    public bool? ParallelPlan { get; init; }

    public bool? ParallelApply { get; init; }

    public bool AbortOnExecutionOrderFail { get; init; }

    public RepoLocksMode? RepoLocks { get; init; }

    public IReadOnlyList<string> SilencePrComments { get; init; } = [];

    public string? EmojiReaction { get; init; }

    /// <summary>Workflows the file defines, by name (ordinal). Projects naming none of them use the server's.</summary>
    public IReadOnlyDictionary<string, Workflow> Workflows { get; init; } = ReadOnlyDictionary<string, Workflow>.Empty;

    public IReadOnlyList<ProjectConfig> Projects { get; init; } = [];

    public IReadOnlyList<string> AllowedRegexpPrefixes { get; init; } = [];

    /// <summary>
    /// The file's top-level mapping, kept so that checks made after parsing (the server's policy) can tell a key set
    /// to an empty list from one left out, and point at the key's line and column. Null for a config built in code.
    /// </summary>
    internal YamlMapping? Source { get; init; }

    /// <summary>True when IaCBot should also look for unconfigured projects (Atlantis' <c>autodiscover</c> rules).</summary>
    public bool DiscoversProjects => AutoDiscover.Mode switch
    {
        AutoDiscoverMode.Enabled => true,
        AutoDiscoverMode.Disabled => false,
        _ => Projects.Count == 0,
    };
}
