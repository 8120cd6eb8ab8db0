using System.Text.Json.Nodes;
using FakeTerraform.Config;
using FakeTerraform.State;

namespace FakeTerraform.Rendering;

/// <summary>The "configuration" section of plan JSON: providers, and each block's expressions.</summary>
internal static class ConfigurationJson
{
    public static JsonObject Build(Configuration config)
    {
        var providers = new JsonObject();
        foreach (var provider in config.Resources.Select(r => r.Provider).DistinctBy(p => p.LocalName).OrderBy(p => p.LocalName, StringComparer.Ordinal))
        {
            providers[provider.LocalName] = new JsonObject { ["name"] = provider.LocalName, ["full_name"] = provider.FullName };
        }

        var module = new JsonObject();
        if (config.Outputs.Count > 0)
        {
            var outputs = new JsonObject();
            foreach (var output in config.Outputs)
            {
                var node = new JsonObject { ["expression"] = Expression(output.Value) };
                if (output.Sensitive)
                {
                    node["sensitive"] = true;
                }

                outputs[output.Name] = node;
            }

            module["outputs"] = outputs;
        }

        if (config.Resources.Count > 0)
        {
            module["resources"] = new JsonArray([.. config.Resources.Select(Resource)]);
        }

        if (config.Variables.Count > 0)
        {
            module["variables"] = Variables(config.Variables);
        }

        return new JsonObject { ["provider_config"] = providers, ["root_module"] = module };
    }

    private static JsonObject Resource(ResourceConfig resource)
    {
        var node = new JsonObject
        {
            ["address"] = resource.Address,
            ["mode"] = "managed",
            ["type"] = resource.Type,
            ["name"] = resource.Name,
            ["provider_config_key"] = resource.Provider.LocalName,
        };
        if (resource.Attributes.Count > 0)
        {
            var expressions = new JsonObject();
            foreach (var attribute in resource.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal))
            {
                expressions[attribute.Name] = Expression(attribute.Value);
            }

            node["expressions"] = expressions;
        }

        node["schema_version"] = 0;
        return node;
    }

    private static JsonObject Variables(IReadOnlyList<VariableConfig> variables)
    {
        var result = new JsonObject();
        foreach (var variable in variables)
        {
            var node = new JsonObject();
            if (variable.Default is { } value)
            {
                node["default"] = JsonValues.ToNode(value);
            }

            if (variable.Sensitive)
            {
                node["sensitive"] = true;
            }

            result[variable.Name] = node;
        }

        return result;
    }

    private static JsonObject Expression(Expression expression) => expression switch
    {
        LiteralExpression literal => new JsonObject { ["constant_value"] = JsonValues.ToNode(literal.Value) },
        VariableReference variable => new JsonObject { ["references"] = new JsonArray($"var.{variable.Name}") },
        ResourceReference reference => new JsonObject
        {
            ["references"] = new JsonArray($"{reference.Address}.{reference.Attribute}", reference.Address),
        },
        _ => new JsonObject(),
    };
}
