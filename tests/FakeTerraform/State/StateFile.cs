namespace FakeTerraform.State;

/// <summary>
/// A workspace's state: serial and lineage are what a saved plan is checked against, as terraform does to
/// refuse a stale plan.
/// </summary>
internal sealed record StateFile(
    long Serial,
    string Lineage,
    IReadOnlyList<ResourceState> Resources,
    IReadOnlyDictionary<string, OutputState> Outputs)
{
    public static StateFile Empty { get; } = new(0, "", [], new Dictionary<string, OutputState>());

    public ResourceState? Find(string address) => Resources.FirstOrDefault(r => r.Address == address);
}
