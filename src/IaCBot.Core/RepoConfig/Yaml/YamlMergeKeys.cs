namespace IaCBot.Core.RepoConfig.Yaml;

/// <summary>
/// YAML merge keys (<c>&lt;&lt;: *defaults</c>), which Atlantis' YAML library honours and configs use to share
/// project settings: the mapping's own keys win, then earlier merge sources win over later ones.
/// </summary>
internal static class YamlMergeKeys
{
    public static bool IsMergeKey(YamlScalar key) => key.IsPlain && key.Value == "<<";

    /// <summary>The entries a merge key brings in, or null when its value is neither a mapping nor a list of them.</summary>
    public static IEnumerable<YamlEntry>? EntriesOf(YamlNode value) => value switch
    {
        YamlMapping mapping => mapping.Entries,
        YamlSequence sequence when sequence.Items.All(i => i is YamlMapping) =>
            sequence.Items.Cast<YamlMapping>().SelectMany(m => m.Entries),
        _ => null,
    };

    public static List<YamlEntry> Combine(List<YamlEntry> explicitEntries, List<YamlEntry> merged)
    {
        if (merged.Count == 0)
        {
            return explicitEntries;
        }

        var seen = explicitEntries.Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal);
        return [.. explicitEntries, .. merged.Where(e => seen.Add(e.Key.Value))];
    }
}
