using System.Text.Json;
using IaCBot.Core.Redaction;

namespace IaCBot.Core.Terraform;

/// <summary>
/// The values a plan marks sensitive, read from <c>terraform show -json</c>, so that what a custom step prints of
/// them can be masked as terraform masks them in its own output. Only strings of at least
/// <see cref="Redactor.MinimumLength"/> characters are kept: numbers and booleans would mask ordinary text.
/// </summary>
/// <remarks>
/// Where the format marks them: a resource change's <c>before_sensitive</c>/<c>after_sensitive</c> (and
/// <c>resource_drift</c>'s) mirror <c>before</c>/<c>after</c> with <c>true</c> at each sensitive value, or are
/// <c>true</c> for the whole; <c>output_changes</c> carry the same pair; <c>planned_values</c> and
/// <c>prior_state</c> give each resource's <c>sensitive_values</c> mask and each output's <c>sensitive</c> flag;
/// <c>variables</c> holds every root variable's value, and the variable's <c>sensitive</c> flag is in
/// <c>configuration.root_module.variables</c>.
/// </remarks>
/// <seealso href="https://developer.hashicorp.com/terraform/internals/json-format#plan-representation"/>
internal static class SensitivePlanValues
{
    /// <summary>The sensitive strings of the plan, or none when the text is not terraform's JSON.</summary>
    public static IReadOnlyList<string> FromShowJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var found = new SortedSet<string>(StringComparer.Ordinal);
            Collect(document.RootElement, found);
            return [.. found];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The sensitive strings of the plan whose <c>show -json</c> is in the file, or none when it is not terraform's JSON.</summary>
    public static async Task<IReadOnlyList<string>> FromShowJsonFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, useAsync: true);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            var found = new SortedSet<string>(StringComparer.Ordinal);
            Collect(document.RootElement, found);
            return [.. found];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static void Collect(JsonElement root, SortedSet<string> found)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var name in new[] { "resource_changes", "resource_drift" })
        {
            foreach (var resource in Items(root, name))
            {
                FromChange(Property(resource, "change"), found);
            }
        }

        foreach (var output in Properties(Property(root, "output_changes")))
        {
            FromChange(output, found);
        }

        FromValues(Property(root, "planned_values"), found);
        FromValues(Property(Property(root, "prior_state"), "values"), found);
        FromVariables(root, found);
    }

    private static void FromChange(JsonElement change, SortedSet<string> found)
    {
        Masked(Property(change, "before"), Property(change, "before_sensitive"), found);
        Masked(Property(change, "after"), Property(change, "after_sensitive"), found);
    }

    /// <summary>A <c>planned_values</c> or state <c>values</c> object: its outputs and every module's resources.</summary>
    private static void FromValues(JsonElement values, SortedSet<string> found)
    {
        foreach (var output in Properties(Property(values, "outputs")))
        {
            if (Property(output, "sensitive").ValueKind == JsonValueKind.True)
            {
                Strings(Property(output, "value"), found);
            }
        }

        FromModule(Property(values, "root_module"), found);
    }

    private static void FromModule(JsonElement module, SortedSet<string> found)
    {
        foreach (var resource in Items(module, "resources"))
        {
            Masked(Property(resource, "values"), Property(resource, "sensitive_values"), found);
        }

        foreach (var child in Items(module, "child_modules"))
        {
            FromModule(child, found);
        }
    }

    private static void FromVariables(JsonElement root, SortedSet<string> found)
    {
        var declared = Property(Property(Property(root, "configuration"), "root_module"), "variables");
        var variables = Property(root, "variables");
        if (variables.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var variable in variables.EnumerateObject())
        {
            if (Property(Property(declared, variable.Name), "sensitive").ValueKind == JsonValueKind.True)
            {
                Strings(Property(variable.Value, "value"), found);
            }
        }
    }

    /// <summary>Walks a value and its mask together: <c>true</c> in the mask marks the value there, whole.</summary>
    private static void Masked(JsonElement value, JsonElement mask, SortedSet<string> found)
    {
        switch (mask.ValueKind)
        {
            case JsonValueKind.True:
                Strings(value, found);
                break;
            case JsonValueKind.Object when value.ValueKind == JsonValueKind.Object:
                foreach (var entry in mask.EnumerateObject())
                {
                    Masked(Property(value, entry.Name), entry.Value, found);
                }

                break;
            case JsonValueKind.Array when value.ValueKind == JsonValueKind.Array:
                var values = value.EnumerateArray().ToList();
                var index = 0;
                foreach (var entry in mask.EnumerateArray())
                {
                    if (index < values.Count)
                    {
                        Masked(values[index], entry, found);
                    }

                    index++;
                }

                break;
        }
    }

    /// <summary>Every string in a value, however deep.</summary>
    private static void Strings(JsonElement value, SortedSet<string> found)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when Redactor.IsMaskable(value.GetString()):
                found.Add(value.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var entry in value.EnumerateObject())
                {
                    Strings(entry.Value, found);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    Strings(item, found);
                }

                break;
        }
    }

    private static JsonElement Property(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? value : default;

    private static IEnumerable<JsonElement> Items(JsonElement parent, string name) =>
        Property(parent, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    private static IEnumerable<JsonElement> Properties(JsonElement parent) =>
        parent.ValueKind == JsonValueKind.Object ? parent.EnumerateObject().Select(p => p.Value) : [];
}
