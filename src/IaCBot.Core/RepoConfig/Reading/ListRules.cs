using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.RepoConfig.Reading;

/// <summary>Checks lists whose items must come from a fixed set of words.</summary>
internal static class ListRules
{
    public static IReadOnlyList<string> OneOf(MappingReader reader, string key, IReadOnlyList<string> allowed)
    {
        var items = reader.TextItems(key);
        if (items is null)
        {
            return [];
        }

        foreach (var item in items.Where(i => !allowed.Contains(i.Value)))
        {
            reader.Errors.At(item,
                $"`{key}` holds {item.Describe()}, which is not one of {ScalarValues.Join(allowed)}.{KeySuggestion.DidYouMean(item.Value, allowed)}");
        }

        return items.Select(i => i.Value).Where(allowed.Contains).Distinct().ToArray();
    }

    public static IReadOnlyList<string> RequirementList(MappingReader reader, string key) =>
        OneOf(reader, key, Requirements.All);

    public static IReadOnlyList<YamlScalar> Texts(MappingReader reader, string key) => reader.TextItems(key) ?? [];
}
