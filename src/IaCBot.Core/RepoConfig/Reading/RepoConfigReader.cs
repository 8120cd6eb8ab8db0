using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.RepoConfig.Reading;

/// <summary>Turns the YAML tree of a repo config into a validated <see cref="RepoConfig"/>, reporting every problem.</summary>
internal static class RepoConfigReader
{
    private const string Where = "at the top level";

    public static RepoConfig? Read(YamlNode? root, RepoConfigParseOptions options, ErrorSink errors)
    {
        switch (root)
        {
            case null or YamlScalar { IsNull: true }:
                errors.At(1, 1, "The file is empty; it needs at least `version: 3`.");
                return null;
            case not YamlMapping:
                errors.At(root, $"The file must be a mapping of keys such as `version:` and `projects:`, not {root.Describe()}.");
                return null;
        }

        var top = new MappingReader((YamlMapping)root, ConfigKeys.TopLevel, Where, errors, ConfigKeys.MisplacedAtTopLevel);
        var version = ReadVersion(top);
        var workflows = WorkflowReader.ReadAll(top);
        var projects = ReadProjects(top);
        var workflowNames = workflows.Keys.Concat(options.ServerWorkflows).Append(Workflow.DefaultName).ToHashSet(StringComparer.Ordinal);
        ProjectSetRules.Check(projects, workflowNames, errors);
        // Built even without a valid version, so that the problems of every other key are reported too.
        var config = Build(top, version ?? 0, workflows, projects.Select(p => p.Config).ToArray());
        return version is null ? null : config;
    }

    private static RepoConfig Build(
        MappingReader top,
        int version,
        IReadOnlyDictionary<string, Workflow> workflows,
        IReadOnlyList<ProjectConfig> projects) => new()
    {
        Version = version,
        Workflows = workflows,
        Projects = projects,
        Automerge = top.Bool("automerge"),
        AutoDiscover = ReadAutoDiscover(top),
        DeleteSourceBranchOnMerge = top.Bool("delete_source_branch_on_merge"),
        ParallelPlan = top.Bool("parallel_plan"),
        ParallelApply = top.Bool("parallel_apply"),
        AbortOnExecutionOrderFail = top.Bool("abort_on_execution_order_fail") ?? false,
        RepoLocks = RepoLocksReader.Read(top),
        SilencePrComments = ListRules.OneOf(top, "silence_pr_comments", ConfigChoices.SilenceableStages),
        EmojiReaction = top.Text("emoji_reaction"),
        AllowedRegexpPrefixes = top.TextList("allowed_regexp_prefixes") ?? [],
        Source = top.Node,
    };

    private static int? ReadVersion(MappingReader top)
    {
        if (top.Value("version") is not { } node)
        {
            top.Errors.At(top.Node, "`version` is missing; add `version: 3` at the top of the file.");
            return null;
        }

        var version = ScalarValues.Int(node, "version", top.Errors);
        if (version is 2 or 3 or null)
        {
            return version;
        }

        top.Errors.At(node, $"`version: {version}` is not supported; use `version: 3`.");
        return null;
    }

    private static List<ProjectEntry> ReadProjects(MappingReader top)
    {
        switch (top.Value("projects"))
        {
            case null:
                return [];
            case YamlSequence sequence:
                return sequence.Items.Select(item => ProjectReader.Read(item, top.Errors)).OfType<ProjectEntry>().ToList();
            case var other:
                top.Errors.At(other, $"`projects` must be a list of projects (each starting with `- dir:`), not {other.Describe()}.");
                return [];
        }
    }

    /// <summary>The <c>autodiscover</c> block; also read from the server's repos.yaml, which takes the same keys.</summary>
    internal static AutoDiscoverConfig ReadAutoDiscover(MappingReader top)
    {
        var autodiscover = top.Nested("autodiscover", ConfigKeys.AutoDiscover, "under `autodiscover`");
        if (autodiscover is null)
        {
            return AutoDiscoverConfig.Default;
        }

        var ignore = autodiscover.TextItems("ignore_paths");
        return new AutoDiscoverConfig(
            autodiscover.Choice("mode", ConfigChoices.AutoDiscoverModes) ?? AutoDiscoverMode.Auto,
            ignore is null ? [] : PatternRules.IgnorePaths(ignore, top.Errors));
    }
}
