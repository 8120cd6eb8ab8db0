using FakeTerraform.Config;
using FakeTerraform.State;

namespace FakeTerraform.Planning;

/// <summary>
/// Fills in the values a plan left "(known after apply)": ids come from <see cref="ResourceIds"/>, and other
/// references take the value the referenced resource ends up with.
/// </summary>
internal sealed class UnknownResolver(SavedPlan plan, StateFile state)
{
    private const int MaxDepth = 16;

    private readonly Dictionary<string, IReadOnlyDictionary<string, TfValue>> _planned =
        plan.Changes.Where(c => c.After is not null).ToDictionary(c => c.Address, c => c.After!, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, TfValue> Resource(string address) =>
        _planned[address].ToDictionary(a => a.Key, a => Value(address, a.Value, 0), StringComparer.Ordinal);

    public TfValue Value(string owner, TfValue value, int depth)
    {
        if (value.IsKnown)
        {
            return value;
        }

        if (value.Text.Length == 0 || depth > MaxDepth)
        {
            return TfValue.String(ResourceIds.For(owner)).MarkSensitive(value.Sensitive);
        }

        var dot = value.Text.LastIndexOf('.');
        var address = value.Text[..dot];
        var attribute = value.Text[(dot + 1)..];
        var resolved = _planned.TryGetValue(address, out var after) && after.TryGetValue(attribute, out var planned)
            ? Value(address, planned, depth + 1)
            : state.Find(address)?.Attributes.GetValueOrDefault(attribute) ?? TfValue.Null;
        return resolved.MarkSensitive(value.Sensitive);
    }
}
