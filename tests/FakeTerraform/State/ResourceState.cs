using FakeTerraform.Config;

namespace FakeTerraform.State;

/// <summary>One managed resource instance in the state; attribute values carry their sensitive marks.</summary>
internal sealed record ResourceState(string Type, string Name, string Provider, IReadOnlyDictionary<string, TfValue> Attributes)
{
    public string Address => $"{Type}.{Name}";

    public string Id => Attributes.TryGetValue("id", out var id) ? id.Text : "";
}
