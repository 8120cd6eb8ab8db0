namespace IaCBot.Core.RepoConfig.Yaml;

internal sealed record YamlMapping(IReadOnlyList<YamlEntry> Entries, int Line, int Column) : YamlNode(Line, Column)
{
    public override long Size { get; } = 1 + Entries.Sum(e => e.Key.Size + e.Value.Size);

    public override int Height { get; } = 1 + Entries.Select(e => e.Value.Height).DefaultIfEmpty(0).Max();

    public override string Describe() => "a mapping";

    public YamlEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);
}
