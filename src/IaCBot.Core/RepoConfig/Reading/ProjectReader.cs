using IaCBot.Core.RepoConfig.Paths;
using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.RepoConfig.Reading;

/// <summary>Reads one entry of <c>projects</c>.</summary>
internal static class ProjectReader
{
    private const string Where = "for a project";

    public static ProjectEntry? Read(YamlNode node, ErrorSink errors)
    {
        if (node is not YamlMapping mapping)
        {
            errors.At(node, $"Each entry of `projects` must be a mapping with at least `dir:`, not {node.Describe()}.");
            return null;
        }

        var reader = new MappingReader(mapping, ConfigKeys.Project, Where, errors, ConfigKeys.MisplacedInProject);
        var dir = ReadDir(reader);
        var nameNode = TextNode(reader, "name");
        var workflowNode = TextNode(reader, "workflow");
        var dependsOn = ListRules.Texts(reader, "depends_on");
        var config = Build(reader, dir ?? RepoPath.Root, nameNode, workflowNode, dependsOn);
        return dir is null ? null : new ProjectEntry(config, mapping, nameNode, workflowNode, dependsOn);
    }

    private static ProjectConfig Build(
        MappingReader reader,
        string dir,
        YamlScalar? nameNode,
        YamlScalar? workflowNode,
        IReadOnlyList<YamlScalar> dependsOn) => new()
    {
        Name = nameNode is null ? null : ProjectFieldRules.Name(nameNode, reader.Errors),
        Dir = dir,
        Workspace = ProjectFieldRules.Workspace(TextNode(reader, "workspace"), reader.Errors),
        Branch = TextNode(reader, "branch") is { } branch ? ProjectFieldRules.Branch(branch, reader.Errors) : null,
        TerraformVersion = TextNode(reader, "terraform_version") is { } version
            ? ProjectFieldRules.TerraformVersion(version, reader.Errors)
            : null,
        TerraformDistribution = reader.Choice("terraform_distribution", ConfigChoices.Distributions),
        Autoplan = ReadAutoplan(reader),
        PlanRequirements = ListRules.RequirementList(reader, "plan_requirements"),
        ApplyRequirements = ListRules.RequirementList(reader, "apply_requirements"),
        ImportRequirements = ListRules.RequirementList(reader, "import_requirements"),
        Workflow = workflowNode?.Value,
        ExecutionOrderGroup = reader.Int("execution_order_group") ?? 0,
        DestroyExecutionOrderGroup = reader.Int("destroy_execution_order_group"),
        DependsOn = dependsOn.Select(d => d.Value).ToArray(),
        DeleteSourceBranchOnMerge = reader.Bool("delete_source_branch_on_merge"),
        RepoLocks = RepoLocksReader.Read(reader) ?? LegacyRepoLocking(reader),
        PolicyCheck = reader.Bool("policy_check"),
        CustomPolicyCheck = reader.Bool("custom_policy_check"),
        SilencePrComments = ListRules.OneOf(reader, "silence_pr_comments", ConfigChoices.SilenceableStages),
    };

    private static string? ReadDir(MappingReader reader)
    {
        if (reader.Value("dir") is null)
        {
            reader.Errors.At(reader.Node, "This project has no `dir`; set it to the project's directory relative to the repo root (`.` for the root).");
            return null;
        }

        return TextNode(reader, "dir") is { } node ? ProjectFieldRules.Dir(node, reader.Errors) : null;
    }

    private static AutoplanConfig ReadAutoplan(MappingReader project)
    {
        var autoplan = project.Nested("autoplan", ConfigKeys.Autoplan, "under `autoplan`");
        if (autoplan is null)
        {
            return AutoplanConfig.Default;
        }

        var patterns = autoplan.TextItems("when_modified");
        return new AutoplanConfig(
            autoplan.Bool("enabled") ?? true,
            patterns is null ? AutoplanConfig.DefaultWhenModified : PatternRules.WhenModified(patterns, project.Errors));
    }

    // Atlantis still reads the older "repo_locking: true|false"; "repo_locks" wins when both are set.
    private static RepoLocksMode? LegacyRepoLocking(MappingReader reader) => reader.Bool("repo_locking") switch
    {
        true => RepoLocksMode.OnPlan,
        false => RepoLocksMode.Disabled,
        null => null,
    };

    /// <summary>The scalar under <paramref name="key"/>, reporting a list or mapping found there instead.</summary>
    private static YamlScalar? TextNode(MappingReader reader, string key) =>
        reader.Text(key) is null ? null : (YamlScalar)reader.Value(key)!;
}
