namespace IaCBot.Core.RepoConfig.Yaml;

internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items, int Line, int Column) : YamlNode(Line, Column)
{
    public override long Size { get; } = 1 + Items.Sum(i => i.Size);

    public override int Height { get; } = 1 + Items.Select(i => i.Height).DefaultIfEmpty(0).Max();

    public override string Describe() => "a list";
}
