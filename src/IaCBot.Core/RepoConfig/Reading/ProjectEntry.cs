using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.RepoConfig.Reading;

/// <summary>A project as read, with the nodes the checks across projects need to point at.</summary>
internal sealed record ProjectEntry(
    ProjectConfig Config,
    YamlMapping Node,
    YamlScalar? NameNode,
    YamlScalar? WorkflowNode,
    IReadOnlyList<YamlScalar> DependsOnNodes);
