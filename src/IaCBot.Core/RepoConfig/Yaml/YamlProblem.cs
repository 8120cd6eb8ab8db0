namespace IaCBot.Core.RepoConfig.Yaml;

internal sealed record YamlProblem(int Line, int Column, string Message);
