using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.RepoConfig.Reading;

/// <summary>
/// Reads the keys of one YAML mapping. Creating it reports every key that is not in <paramref name="knownKeys"/>;
/// the accessors return null for a key that is absent or explicitly empty (<c>key:</c> or <c>key: null</c>).
/// </summary>
internal sealed class MappingReader
{
    private readonly YamlMapping mapping;
    private readonly ErrorSink errors;

    public MappingReader(
        YamlMapping mapping,
        IReadOnlyList<string> knownKeys,
        string where,
        ErrorSink errors,
        IReadOnlyDictionary<string, string>? misplaced = null)
    {
        this.mapping = mapping;
        this.errors = errors;
        foreach (var entry in mapping.Entries.Where(e => !knownKeys.Contains(e.Key.Value)))
        {
            var message = misplaced is not null && misplaced.TryGetValue(entry.Key.Value, out var hint)
                ? $"`{entry.Key.Value}` is not a known key {where}: {hint}."
                : UnknownKeyMessage(entry.Key.Value, knownKeys, where);
            errors.At(entry.Key, message);
        }
    }

    public YamlMapping Node => mapping;

    public ErrorSink Errors => errors;

    public YamlNode? Value(string key) => mapping.Find(key)?.Value is { } value && value is not YamlScalar { IsNull: true } ? value : null;

    public bool? Bool(string key) => Value(key) is { } node ? ScalarValues.Bool(node, key, errors) : null;

    public int? Int(string key) => Value(key) is { } node ? ScalarValues.Int(node, key, errors) : null;

    public string? Text(string key) => Value(key) is { } node ? ScalarValues.Text(node, key, errors) : null;

    public IReadOnlyList<YamlScalar>? TextItems(string key) => Value(key) is { } node ? ScalarValues.TextItems(node, key, errors) : null;

    public IReadOnlyList<string>? TextList(string key) => TextItems(key)?.Select(i => i.Value).ToArray();

    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices)
        where T : struct => Value(key) is { } node ? ScalarValues.Choice(node, key, choices, errors) : null;

    /// <summary>The nested mapping under <paramref name="key"/>, with its own known keys.</summary>
    public MappingReader? Nested(string key, IReadOnlyList<string> knownKeys, string where)
    {
        switch (Value(key))
        {
            case null:
                return null;
            case YamlMapping nested:
                return new MappingReader(nested, knownKeys, where, errors);
            case var other:
                errors.At(other, $"`{key}` must be a mapping (keys such as {ScalarValues.Join(knownKeys.Take(2))}), not {other.Describe()}.");
                return null;
        }
    }

    private static string UnknownKeyMessage(string key, IReadOnlyList<string> knownKeys, string where)
    {
        var suggestion = KeySuggestion.Nearest(key, knownKeys);
        return suggestion is null
            ? $"`{key}` is not a known key {where}. Known keys: {ScalarValues.Join(knownKeys)}."
            : $"`{key}` is not a known key {where}. Did you mean `{suggestion}`?";
    }
}
