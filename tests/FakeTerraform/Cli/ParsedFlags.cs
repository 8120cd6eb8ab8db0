namespace FakeTerraform.Cli;

/// <summary>Flags in the order given (terraform reads -var and -var-file as one ordered list) and the positionals.</summary>
internal sealed class ParsedFlags(IReadOnlyList<KeyValuePair<string, string>> flags, IReadOnlyList<string> positionals)
{
    public IReadOnlyList<KeyValuePair<string, string>> Ordered { get; } = flags;

    public IReadOnlyList<string> Positionals { get; } = positionals;

    public bool Has(string name) => Ordered.Any(f => f.Key == name);

    public string? Last(string name) => Ordered.LastOrDefault(f => f.Key == name).Value;

    public IReadOnlyList<string> All(string name) => [.. Ordered.Where(f => f.Key == name).Select(f => f.Value)];

    public bool IsTrue(string name, bool whenAbsent = false) =>
        Last(name) is { } value ? GoFlagSet.ParseBool(value) ?? whenAbsent : whenAbsent;
}
