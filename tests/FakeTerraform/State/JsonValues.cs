using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeTerraform.Config;

namespace FakeTerraform.State;

/// <summary>Primitive values to and from JSON, as terraform writes them in state and plan JSON.</summary>
internal static class JsonValues
{
    public static JsonNode? ToNode(TfValue value) => value.Kind switch
    {
        ValueKind.String => JsonValue.Create(value.Text),
        ValueKind.Number => JsonValue.Create(decimal.Parse(value.Text, CultureInfo.InvariantCulture)),
        ValueKind.Bool => JsonValue.Create(value.Text == "true"),
        _ => null,
    };

    public static TfValue? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => TfValue.String(element.GetString() ?? ""),
        JsonValueKind.Number => TfValue.Number(element.GetRawText()),
        JsonValueKind.True => TfValue.Bool(true),
        JsonValueKind.False => TfValue.Bool(false),
        JsonValueKind.Null => TfValue.Null,
        _ => null,
    };

    public static JsonObject ToObject(IEnumerable<KeyValuePair<string, TfValue>> values, Func<TfValue, bool>? include = null)
    {
        var result = new JsonObject();
        foreach (var (name, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (include is null || include(value))
            {
                result[name] = ToNode(value);
            }
        }

        return result;
    }

    public static JsonObject Flags(IEnumerable<string> names)
    {
        var result = new JsonObject();
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            result[name] = true;
        }

        return result;
    }
}
