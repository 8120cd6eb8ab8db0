using System.Text.Json;
using System.Text.Json.Nodes;
using FakeTerraform.Config;

namespace FakeTerraform.State;

/// <summary>Reads and writes state files in terraform's version 4 format.</summary>
internal static class StateStore
{
    public static StateFile? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var resources = root.TryGetProperty("resources", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(r => r.GetProperty("mode").GetString() == "managed").Select(ReadResource).ToList()
            : [];
        var outputs = new Dictionary<string, OutputState>(StringComparer.Ordinal);
        if (root.TryGetProperty("outputs", out var outputList) && outputList.ValueKind == JsonValueKind.Object)
        {
            foreach (var output in outputList.EnumerateObject())
            {
                var sensitive = output.Value.TryGetProperty("sensitive", out var s) && s.ValueKind == JsonValueKind.True;
                var value = JsonValues.FromElement(output.Value.GetProperty("value")) ?? TfValue.Null;
                outputs[output.Name] = new OutputState(value.MarkSensitive(sensitive), sensitive);
            }
        }

        return new StateFile(root.GetProperty("serial").GetInt64(), root.GetProperty("lineage").GetString() ?? "", resources, outputs);
    }

    /// <summary>Writes the state, keeping the previous file as terraform.tfstate.backup as the local backend does.</summary>
    public static void Write(string path, StateFile state) => Write(path, state, path + ".backup");

    /// <summary>Writes the state, first copying the previous file to <paramref name="backupPath"/> unless that is null.</summary>
    public static void Write(string path, StateFile state, string? backupPath)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        if (backupPath is not null && File.Exists(path))
        {
            File.Copy(path, backupPath, overwrite: true);
        }

        File.WriteAllText(path, ToJson(state).ToJsonString(JsonFormat.Indented) + "\n");
    }

    public static JsonObject ToJson(StateFile state)
    {
        var outputs = new JsonObject();
        foreach (var (name, output) in state.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var node = new JsonObject { ["value"] = JsonValues.ToNode(output.Value), ["type"] = output.Value.TypeName };
            if (output.Sensitive)
            {
                node["sensitive"] = true;
            }

            outputs[name] = node;
        }

        return new JsonObject
        {
            ["version"] = 4,
            ["terraform_version"] = TerraformVersion.Number,
            ["serial"] = state.Serial,
            ["lineage"] = state.Lineage,
            ["outputs"] = outputs,
            ["resources"] = new JsonArray([.. state.Resources.OrderBy(r => r.Address, StringComparer.Ordinal).Select(WriteResource)]),
            ["check_results"] = null,
        };
    }

    private static ResourceState ReadResource(JsonElement resource)
    {
        var instance = resource.GetProperty("instances").EnumerateArray().First();
        var sensitive = instance.TryGetProperty("sensitive_attributes", out var paths) && paths.ValueKind == JsonValueKind.Array
            ? paths.EnumerateArray().Select(p => p.EnumerateArray().FirstOrDefault()).Where(p => p.ValueKind == JsonValueKind.Object)
                .Select(p => p.GetProperty("value").GetString()).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        var attributes = new Dictionary<string, TfValue>(StringComparer.Ordinal);
        foreach (var attribute in instance.GetProperty("attributes").EnumerateObject())
        {
            if (JsonValues.FromElement(attribute.Value) is { } value)
            {
                attributes[attribute.Name] = value.MarkSensitive(sensitive.Contains(attribute.Name));
            }
        }

        return new ResourceState(
            resource.GetProperty("type").GetString() ?? "",
            resource.GetProperty("name").GetString() ?? "",
            resource.GetProperty("provider").GetString() ?? "",
            attributes);
    }

    private static JsonObject WriteResource(ResourceState resource)
    {
        var sensitivePaths = resource.Attributes.Where(a => a.Value.Sensitive).Select(a => a.Key).Order(StringComparer.Ordinal)
            .Select(name => (JsonNode)new JsonArray(new JsonObject { ["type"] = "get_attr", ["value"] = name }));
        var instance = new JsonObject
        {
            ["schema_version"] = 0,
            ["attributes"] = JsonValues.ToObject(resource.Attributes),
            ["sensitive_attributes"] = new JsonArray([.. sensitivePaths]),
        };
        return new JsonObject
        {
            ["mode"] = "managed",
            ["type"] = resource.Type,
            ["name"] = resource.Name,
            ["provider"] = resource.Provider,
            ["instances"] = new JsonArray(instance),
        };
    }
}
