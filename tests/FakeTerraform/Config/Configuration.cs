namespace FakeTerraform.Config;

internal sealed record Configuration(
    IReadOnlyList<ResourceConfig> Resources,
    IReadOnlyList<VariableConfig> Variables,
    IReadOnlyList<OutputConfig> Outputs,
    FakeKnobs Knobs,
    bool HasFiles)
{
    public static Configuration Empty { get; } = new([], [], [], FakeKnobs.None, false);

    /// <summary>Providers to install, in the order terraform lists them (by source address).</summary>
    public IReadOnlyList<ProviderAddress> Providers =>
        [.. Resources.Select(r => r.Provider).Where(p => !p.IsBuiltIn).DistinctBy(p => p.FullName).OrderBy(p => p.FullName, StringComparer.Ordinal)];
}
