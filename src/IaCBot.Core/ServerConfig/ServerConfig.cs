using System.Collections.ObjectModel;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.ServerConfig;

/// <summary>
/// The server-side repo config (Atlantis' repos.yaml), validated: per-repository policies and the workflows they
/// and the repositories may use.
/// </summary>
public sealed class ServerConfig
{
    private readonly IReadOnlyList<RepoEntry> entries;
    private readonly RepoEntry defaults;

    internal ServerConfig(IReadOnlyList<RepoEntry> entries, IReadOnlyDictionary<string, Workflow> definedWorkflows)
    {
        this.entries = entries;
        var workflows = new Dictionary<string, Workflow>(definedWorkflows, StringComparer.Ordinal);
        workflows.TryAdd(Workflow.DefaultName, Workflow.Default);
        Workflows = workflows.AsReadOnly();
        defaults = RepoEntry.Defaults(Workflows[Workflow.DefaultName]);
    }

    /// <summary>What a server without a repos.yaml uses: Atlantis' built-in entry alone, which lets a repo config override nothing.</summary>
    public static ServerConfig Default { get; } = new([], ReadOnlyDictionary<string, Workflow>.Empty);

    /// <summary>The workflows defined in the file, and <c>default</c> (the file's own, else the built-in one).</summary>
    public IReadOnlyDictionary<string, Workflow> Workflows { get; }

    /// <summary>How many entries <c>repos</c> has, not counting the built-in default entry.</summary>
    public int RepoCount => entries.Count;

    /// <summary>
    /// The settings for a repository (matched as <c>host/owner/name</c>) and a pull request's base branch: the
    /// built-in entry, then every entry whose id and branch match, in file order; a later entry wins for each key it
    /// sets, and the hooks of all of them run.
    /// </summary>
    public ServerRepoPolicy For(RepoId repo, string baseBranch)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(baseBranch);
        var id = repo.ToString();
        var byId = entries.Where(e => e.MatchesId(id)).ToArray();
        var matching = byId.Where(e => e.MatchesBranch(baseBranch)).Prepend(defaults).ToArray();
        return PolicyMerge.Merge(matching, Workflows) with
        {
            AcceptsBaseBranch = byId.Length == 0 || byId[^1].MatchesBranch(baseBranch),
        };
    }
}
