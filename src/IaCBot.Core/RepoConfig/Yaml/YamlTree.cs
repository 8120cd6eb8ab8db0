namespace IaCBot.Core.RepoConfig.Yaml;

/// <summary>What reading the YAML gave: the root value (null for an empty file) and any problems found on the way.</summary>
internal sealed record YamlTree(YamlNode? Root, IReadOnlyList<YamlProblem> Problems);
