namespace IaCBot.Core.RepoConfig.Yaml;

/// <summary>A value of the YAML file with where it starts (1-based), so that every finding can point at it.</summary>
internal abstract record YamlNode(int Line, int Column)
{
    /// <summary>How many values this node stands for once aliases are expanded; bounds the work of reading it.</summary>
    public abstract long Size { get; }

    /// <summary>How many levels this node nests, itself included.</summary>
    public abstract int Height { get; }

    /// <summary>How a message names this value: <c>a list</c>, <c>a mapping</c> or the quoted text.</summary>
    public abstract string Describe();
}
