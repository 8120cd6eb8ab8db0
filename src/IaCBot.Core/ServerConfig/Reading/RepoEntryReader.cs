using IaCBot.Core.RepoConfig;
using IaCBot.Core.RepoConfig.Reading;
using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.ServerConfig.Reading;

/// <summary>Reads one entry of <c>repos</c>; a key left out stays null so that an earlier entry decides it.</summary>
internal static class RepoEntryReader
{
    private const string Where = "for a repo entry";

    public static RepoEntry? Read(YamlNode node, IReadOnlyDictionary<string, Workflow> workflows, ErrorSink errors)
    {
        if (node is not YamlMapping mapping)
        {
            errors.At(node, $"Each entry of `repos` must be a mapping with at least `id:`, not {node.Describe()}.");
            return null;
        }

        var reader = new MappingReader(mapping, ServerConfigKeys.Repo, Where, errors, ServerConfigKeys.MisplacedInRepo);
        var entry = new RepoEntry
        {
            Id = "",
            Branch = Scalar(reader, "branch") is { } branch ? IdRules.Branch(branch, errors) : null,
            RepoConfigFile = Scalar(reader, "repo_config_file") is { } file ? IdRules.RepoConfigFile(file, errors) : null,
            PlanRequirements = Requirements(reader, OverridableKeys.PlanRequirements),
            ApplyRequirements = Requirements(reader, OverridableKeys.ApplyRequirements),
            ImportRequirements = Requirements(reader, OverridableKeys.ImportRequirements),
            Workflow = Scalar(reader, "workflow") is { } name ? WorkflowRules.Named(name, workflows, errors) : null,
            AllowedOverrides = reader.Value("allowed_overrides") is null ? null : ListRules.OneOf(reader, "allowed_overrides", OverridableKeys.All),
            AllowedWorkflows = reader.Value("allowed_workflows") is null ? null : WorkflowRules.Allowed(ListRules.Texts(reader, "allowed_workflows"), workflows, errors),
            AllowCustomWorkflows = reader.Bool("allow_custom_workflows"),
            PreWorkflowHooks = WorkflowHookReader.ReadList(reader, "pre_workflow_hooks"),
            PostWorkflowHooks = WorkflowHookReader.ReadList(reader, "post_workflow_hooks"),
            AutoDiscover = reader.Value("autodiscover") is null ? null : RepoConfigReader.ReadAutoDiscover(reader),
            DeleteSourceBranchOnMerge = reader.Bool(OverridableKeys.DeleteSourceBranchOnMerge),
            RepoLocking = reader.Bool(OverridableKeys.RepoLocking),
            RepoLocks = RepoLocksReader.Read(reader),
            PolicyCheck = reader.Bool(OverridableKeys.PolicyCheck),
            CustomPolicyCheck = reader.Bool(OverridableKeys.CustomPolicyCheck),
            SilencePrComments = reader.Value(OverridableKeys.SilencePrComments) is null
                ? null
                : ListRules.OneOf(reader, OverridableKeys.SilencePrComments, ConfigChoices.SilenceableStages),
        };
        return ReadId(reader) is { } id ? entry with { Id = id.Text, IdPattern = id.Pattern } : null;
    }

    private static (string Text, System.Text.RegularExpressions.Regex? Pattern)? ReadId(MappingReader reader)
    {
        if (reader.Value("id") is null)
        {
            reader.Errors.At(reader.Node, "This entry has no `id`; set it to host/owner/name (github.com/acme/infra) or to a /regex/ such as /.*/ for every repository.");
            return null;
        }

        return Scalar(reader, "id") is { } node && IdRules.TryReadId(node, reader.Errors, out var pattern)
            ? (node.Value.Trim(), pattern)
            : null;
    }

    private static IReadOnlyList<string>? Requirements(MappingReader reader, string key) =>
        reader.Value(key) is null ? null : ListRules.RequirementList(reader, key);

    /// <summary>The scalar under <paramref name="key"/>, reporting a list or mapping found there instead.</summary>
    private static YamlScalar? Scalar(MappingReader reader, string key) =>
        reader.Text(key) is null ? null : (YamlScalar)reader.Value(key)!;
}
