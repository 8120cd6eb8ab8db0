using System.Text.Json;
using FakeTerraform.Config;

namespace FakeTerraform.Planning;

/// <summary>
/// Writes a plan by hand with Utf8JsonWriter: serializer metadata for these records would cost each run about a
/// tenth of a second of start-up, and the fake runs hundreds of times in a test suite.
/// </summary>
internal static class PlanFileWriter
{
    public static void Write(Utf8JsonWriter json, SavedPlan plan)
    {
        json.WriteStartObject();
        json.WriteString("workspace", plan.Workspace);
        json.WriteString("mode", plan.Mode.ToString());
        json.WriteNumber("prior_serial", plan.PriorSerial);
        json.WriteString("prior_lineage", plan.PriorLineage);
        json.WriteStartArray("targets");
        foreach (var target in plan.Targets)
        {
            json.WriteStringValue(target);
        }

        json.WriteEndArray();
        Values(json, "variables", plan.Variables);
        json.WriteStartArray("changes");
        foreach (var change in plan.Changes)
        {
            json.WriteStartObject();
            json.WriteString("type", change.Type);
            json.WriteString("name", change.Name);
            json.WriteString("action", change.Action.ToString());
            json.WriteString("action_reason", change.ActionReason);
            Values(json, "before", change.Before);
            Values(json, "after", change.After);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("output_changes");
        foreach (var change in plan.OutputChanges)
        {
            json.WriteStartObject();
            json.WriteString("name", change.Name);
            json.WriteString("action", change.Action.ToString());
            json.WriteBoolean("sensitive", change.Sensitive);
            json.WritePropertyName("before");
            Value(json, change.Before);
            json.WritePropertyName("after");
            Value(json, change.After);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Values(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, TfValue>? values)
    {
        json.WritePropertyName(name);
        if (values is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        foreach (var (key, value) in values)
        {
            json.WritePropertyName(key);
            Value(json, value);
        }

        json.WriteEndObject();
    }

    /// <summary>A value as [kind, text, sensitive], so unknowns keep where they will come from.</summary>
    private static void Value(Utf8JsonWriter json, TfValue? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartArray();
        json.WriteStringValue(value.Kind.ToString());
        json.WriteStringValue(value.Text);
        json.WriteBooleanValue(value.Sensitive);
        json.WriteEndArray();
    }
}
