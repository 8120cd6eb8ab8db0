using System.Text.Json.Nodes;
using FakeTerraform.Config;
using FakeTerraform.State;

namespace FakeTerraform.Rendering;

/// <summary>The "values" representation of state that plan JSON and <c>show -json</c> share.</summary>
internal static class StateJson
{
    public static JsonObject Build(StateFile state)
    {
        var module = new JsonObject();
        if (state.Resources.Count > 0)
        {
            module["resources"] = new JsonArray([.. state.Resources.OrderBy(r => r.Address, StringComparer.Ordinal)
                .Select(r => Resource(r.Address, r.Type, r.Name, ProviderAddress.ForResourceType(r.Type), r.Attributes))]);
        }

        var values = new JsonObject();
        if (state.Outputs.Count > 0)
        {
            var outputs = new JsonObject();
            foreach (var (name, output) in state.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                outputs[name] = Output(output.Value, output.Sensitive);
            }

            values["outputs"] = outputs;
        }

        values["root_module"] = module;
        return new JsonObject
        {
            ["format_version"] = "1.0",
            ["terraform_version"] = TerraformVersion.Number,
            ["values"] = values,
        };
    }

    public static JsonObject Resource(string address, string type, string name, ProviderAddress provider, IReadOnlyDictionary<string, TfValue> values) => new()
    {
        ["address"] = address,
        ["mode"] = "managed",
        ["type"] = type,
        ["name"] = name,
        ["provider_name"] = provider.FullName,
        ["schema_version"] = 0,
        ["values"] = JsonValues.ToObject(values, v => v.IsKnown),
        ["sensitive_values"] = JsonValues.Flags(values.Where(v => v.Value.Sensitive).Select(v => v.Key)),
    };

    public static JsonObject Output(TfValue value, bool sensitive)
    {
        var node = new JsonObject { ["sensitive"] = sensitive };
        if (value.IsKnown)
        {
            node["type"] = value.TypeName;
            node["value"] = JsonValues.ToNode(value);
        }

        return node;
    }
}
