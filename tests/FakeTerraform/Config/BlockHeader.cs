namespace FakeTerraform.Config;

/// <summary>A top-level block being read: its keyword, labels and the depth-one attribute lines seen so far.</summary>
internal sealed class BlockHeader(string kind, IReadOnlyList<string> labels, SourceLine source)
{
    public string Kind { get; } = kind;

    public IReadOnlyList<string> Labels { get; } = labels;

    public SourceLine Source { get; } = source;

    public List<(string Name, string Value, SourceLine Source)> Attributes { get; } = [];

    public string? RawValue(string name) => Attributes.LastOrDefault(a => a.Name == name).Value;
}
