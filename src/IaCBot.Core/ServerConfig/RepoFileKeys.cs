using IaCBot.Core.RepoConfig;
using IaCBot.Core.RepoConfig.Reading;
using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.ServerConfig;

// Inside the namespace, so that RepoConfig names the type rather than the IaCBot.Core.RepoConfig namespace.
using RepoConfig = IaCBot.Core.RepoConfig.RepoConfig;

/// <summary>
/// Which keys a repo config file sets, and where. Atlantis tells <c>apply_requirements: []</c> (set, to nothing)
/// from a key left out, so the file's YAML is asked; a config built in code has none and is judged by its values.
/// </summary>
internal sealed class RepoFileKeys(RepoConfig config)
{
    /// <summary>Where a finding about a config built in code points: the file's start.</summary>
    public static YamlScalar Unplaced { get; } = new("", true, 1, 1);

    /// <summary>The top-level key's node when the file sets it, else null.</summary>
    public YamlScalar? Top(string key) => config.Source is { } source
        ? SetKey(source, key)
        : SetByValue(TopValueIsSet(key));

    /// <summary>The project's key node when the project sets it, else null.</summary>
    public YamlScalar? Project(ProjectConfig project, string key) => ProjectNode(project) is { } node
        ? SetKey(node, key)
        : SetByValue(ProjectValueIsSet(project, key));

    /// <summary>The project's value under <paramref name="key"/> when the project sets it, else null.</summary>
    public YamlNode? ProjectValue(ProjectConfig project, string key) => ProjectNode(project) is { } node
        ? (SetKey(node, key) is not null ? node.Find(key)!.Value : null)
        : SetByValue(ProjectValueIsSet(project, key));

    /// <summary>The value of <c>repo_locking</c> in the project, which the model folds into <c>repo_locks</c>.</summary>
    public bool? RepoLocking(ProjectConfig project) =>
        ProjectNode(project)?.Find(OverridableKeys.RepoLocking)?.Value is { } value and not YamlScalar { IsNull: true }
            ? ScalarValues.Bool(value, OverridableKeys.RepoLocking, new ErrorSink(""))
            : null;

    private YamlMapping? ProjectNode(ProjectConfig project)
    {
        var index = IndexOf(project);
        return index >= 0 && config.Source?.Find("projects")?.Value is YamlSequence { } projects && index < projects.Items.Count
            ? projects.Items[index] as YamlMapping
            : null;
    }

    // The projects handed out are the config's own instances, so one is found by reference.
    private int IndexOf(ProjectConfig project)
    {
        for (var i = 0; i < config.Projects.Count; i++)
        {
            if (ReferenceEquals(config.Projects[i], project))
            {
                return i;
            }
        }

        return -1;
    }

    // As the repo config reader: "key:" with nothing after it counts as left out.
    private static YamlScalar? SetKey(YamlMapping mapping, string key) =>
        mapping.Find(key) is { } entry && entry.Value is not YamlScalar { IsNull: true } ? entry.Key : null;

    private static YamlScalar? SetByValue(bool isSet) => isSet ? Unplaced : null;

    private bool TopValueIsSet(string key) => key switch
    {
        "workflows" => config.Workflows.Count > 0,
        "autodiscover" => !ReferenceEquals(config.AutoDiscover, AutoDiscoverConfig.Default),
        OverridableKeys.DeleteSourceBranchOnMerge => config.DeleteSourceBranchOnMerge is not null,
        OverridableKeys.RepoLocks => config.RepoLocks is not null,
        OverridableKeys.SilencePrComments => config.SilencePrComments.Count > 0,
        _ => false,
    };

    private static bool ProjectValueIsSet(ProjectConfig project, string key) => key switch
    {
        OverridableKeys.Workflow => project.Workflow is not null,
        OverridableKeys.PlanRequirements => project.PlanRequirements.Count > 0,
        OverridableKeys.ApplyRequirements => project.ApplyRequirements.Count > 0,
        OverridableKeys.ImportRequirements => project.ImportRequirements.Count > 0,
        OverridableKeys.DeleteSourceBranchOnMerge => project.DeleteSourceBranchOnMerge is not null,
        OverridableKeys.RepoLocks => project.RepoLocks is not null,
        OverridableKeys.PolicyCheck => project.PolicyCheck is not null,
        OverridableKeys.CustomPolicyCheck => project.CustomPolicyCheck is not null,
        OverridableKeys.SilencePrComments => project.SilencePrComments.Count > 0,
        _ => false,
    };
}
