using System.Text.Json;
using FakeTerraform.Config;

namespace FakeTerraform.Planning;

/// <summary>Reads what <see cref="PlanFileWriter"/> wrote.</summary>
internal static class PlanFileReader
{
    public static SavedPlan Read(JsonElement plan) => new(
        plan.GetProperty("workspace").GetString() ?? "",
        Enum.Parse<PlanMode>(plan.GetProperty("mode").GetString() ?? ""),
        plan.GetProperty("prior_serial").GetInt64(),
        plan.GetProperty("prior_lineage").GetString() ?? "",
        [.. plan.GetProperty("changes").EnumerateArray().Select(ResourceChange)],
        [.. plan.GetProperty("output_changes").EnumerateArray().Select(OutputChange)],
        [.. plan.GetProperty("targets").EnumerateArray().Select(t => t.GetString() ?? "")],
        Values(plan.GetProperty("variables")) ?? new Dictionary<string, TfValue>());

    private static ResourceChange ResourceChange(JsonElement change)
    {
        var type = change.GetProperty("type").GetString() ?? "";
        return new ResourceChange(
            type,
            change.GetProperty("name").GetString() ?? "",
            ProviderAddress.ForResourceType(type),
            Enum.Parse<ChangeAction>(change.GetProperty("action").GetString() ?? ""),
            Values(change.GetProperty("before")),
            Values(change.GetProperty("after")),
            change.GetProperty("action_reason").GetString());
    }

    private static OutputChange OutputChange(JsonElement change) => new(
        change.GetProperty("name").GetString() ?? "",
        Enum.Parse<ChangeAction>(change.GetProperty("action").GetString() ?? ""),
        Value(change.GetProperty("before")),
        Value(change.GetProperty("after")),
        change.GetProperty("sensitive").GetBoolean());

    private static Dictionary<string, TfValue>? Values(JsonElement values) =>
        values.ValueKind == JsonValueKind.Null
            ? null
            : values.EnumerateObject().ToDictionary(v => v.Name, v => Value(v.Value)!, StringComparer.Ordinal);

    private static TfValue? Value(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null
            ? null
            : new TfValue(Enum.Parse<ValueKind>(value[0].GetString() ?? ""), value[1].GetString() ?? "", value[2].GetBoolean());
}
