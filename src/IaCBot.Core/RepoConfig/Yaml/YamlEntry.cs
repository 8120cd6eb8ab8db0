namespace IaCBot.Core.RepoConfig.Yaml;

internal sealed record YamlEntry(YamlScalar Key, YamlNode Value);
