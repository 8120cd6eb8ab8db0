using System.Text.Json;

namespace IaCBot.Core.Terraform;

/// <summary>
/// Counts what a saved plan would do, from <c>terraform show -json</c>, and words it as terraform does
/// (<c>Plan: 1 to add, 0 to change, 0 to destroy.</c>). Reading the JSON rather than scraping the text keeps the
/// summary right whatever terraform version or custom step printed the plan.
/// </summary>
/// <seealso href="https://developer.hashicorp.com/terraform/internals/json-format#plan-representation"/>
public sealed record PlanSummary(int Add, int Change, int Destroy, int Import, bool OutputsChange)
{
    public bool HasChanges => Add + Change + Destroy + Import > 0 || OutputsChange;

    public override string ToString()
    {
        if (!HasChanges)
        {
            return "No changes.";
        }

        var import = Import > 0 ? $"{Import} to import, " : "";
        return $"Plan: {import}{Add} to add, {Change} to change, {Destroy} to destroy.";
    }

    /// <summary>Reads the summary, or returns null when the text is not a plan in terraform's JSON format.</summary>
    public static PlanSummary? FromShowJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return FromRoot(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static PlanSummary? FromRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format_version", out _))
        {
            return null;
        }

        int add = 0, change = 0, destroy = 0, import = 0;
        foreach (var resource in Items(root, "resource_changes"))
        {
            if (!resource.TryGetProperty("change", out var changeElement))
            {
                continue;
            }

            var actions = Items(changeElement, "actions").Select(a => a.GetString()).ToList();
            add += actions.Count(a => a == "create");
            change += actions.Count(a => a == "update");
            destroy += actions.Count(a => a == "delete");
            import += changeElement.TryGetProperty("importing", out var importing)
                && importing.ValueKind == JsonValueKind.Object ? 1 : 0;
        }

        var outputsChange = root.TryGetProperty("output_changes", out var outputs)
            && outputs.ValueKind == JsonValueKind.Object
            && outputs.EnumerateObject().Any(o => Items(o.Value, "actions").Any(a => a.GetString() != "no-op"));
        return new PlanSummary(add, change, destroy, import, outputsChange);
    }

    private static IEnumerable<JsonElement> Items(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object
        && parent.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];
}
