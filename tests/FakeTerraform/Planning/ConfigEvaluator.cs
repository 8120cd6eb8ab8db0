using FakeTerraform.Config;
using FakeTerraform.State;

namespace FakeTerraform.Planning;

/// <summary>
/// Works out the planned attribute values of each configured resource. A value that depends on a resource still
/// to be created is unknown until apply, exactly where terraform would say "(known after apply)".
/// </summary>
internal sealed class ConfigEvaluator(Configuration config, IReadOnlyDictionary<string, TfValue> variables, StateFile state)
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, TfValue>> _planned = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, TfValue> Resource(ResourceConfig resource)
    {
        if (_planned.TryGetValue(resource.Address, out var done))
        {
            return done;
        }

        _inProgress.Add(resource.Address);
        var values = new Dictionary<string, TfValue>(StringComparer.Ordinal);
        foreach (var attribute in resource.Attributes)
        {
            values[attribute.Name] = Evaluate(attribute.Value);
        }

        values["id"] = state.Find(resource.Address)?.Attributes.GetValueOrDefault("id") ?? TfValue.Unknown("");
        _inProgress.Remove(resource.Address);
        _planned[resource.Address] = values;
        return values;
    }

    public TfValue Evaluate(Expression expression) => expression switch
    {
        LiteralExpression literal => literal.Value,
        VariableReference variable => variables.GetValueOrDefault(variable.Name) ?? TfValue.Null,
        ResourceReference reference => Reference(reference),
        _ => TfValue.Null,
    };

    private TfValue Reference(ResourceReference reference)
    {
        var source = $"{reference.Address}.{reference.Attribute}";
        var target = config.Resources.FirstOrDefault(r => r.Address == reference.Address);
        if (target is null)
        {
            return state.Find(reference.Address)?.Attributes.GetValueOrDefault(reference.Attribute) ?? TfValue.Null;
        }

        if (_inProgress.Contains(target.Address))
        {
            return TfValue.Unknown(source);
        }

        var value = Resource(target).GetValueOrDefault(reference.Attribute) ?? TfValue.Null;
        return value.IsKnown ? value : TfValue.Unknown(source).MarkSensitive(value.Sensitive);
    }
}
