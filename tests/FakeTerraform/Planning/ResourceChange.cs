using FakeTerraform.Config;

namespace FakeTerraform.Planning;

/// <summary>
/// One planned resource change. Before is null for a create, After is null for a delete; an attribute left out
/// of After is null after the change.
/// </summary>
internal sealed record ResourceChange(
    string Type,
    string Name,
    ProviderAddress Provider,
    ChangeAction Action,
    IReadOnlyDictionary<string, TfValue>? Before,
    IReadOnlyDictionary<string, TfValue>? After,
    string? ActionReason = null)
{
    public string Address => $"{Type}.{Name}";
}
