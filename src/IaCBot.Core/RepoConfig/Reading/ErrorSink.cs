using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.RepoConfig.Reading;

/// <summary>Collects every problem found while reading a file, so a user sees them all at once.</summary>
internal sealed class ErrorSink(string fileName)
{
    private readonly List<ConfigError> errors = [];

    public bool HasErrors => errors.Count > 0;

    public void At(YamlNode node, string message) => At(node.Line, node.Column, message);

    public void At(int line, int column, string message) => errors.Add(new ConfigError(fileName, line, column, message));

    public IReadOnlyList<ConfigError> InFileOrder() =>
        errors.Distinct().OrderBy(e => e.Line).ThenBy(e => e.Column).ToArray();
}
