using System.Globalization;
using System.Text.Json.Nodes;
using FakeTerraform.Config;
using FakeTerraform.Planning;
using FakeTerraform.State;

namespace FakeTerraform.Rendering;

/// <summary>
/// <c>terraform show -json PLANFILE</c> in the format_version 1.2 shape of terraform 1.5: planned_values,
/// resource_changes with before/after and their unknown and sensitive masks, output_changes, prior_state and
/// the configuration with its expressions.
/// </summary>
internal static class PlanJsonBuilder
{
    public static JsonObject Build(SavedPlan plan, Configuration config, StateFile? priorState, DateTimeOffset createdAt)
    {
        var document = new JsonObject
        {
            ["format_version"] = "1.2",
            ["terraform_version"] = TerraformVersion.Number,
        };
        if (plan.Variables.Count > 0)
        {
            document["variables"] = Variables(plan.Variables);
        }

        document["planned_values"] = PlannedValues(plan);
        if (plan.Changes.Count > 0)
        {
            document["resource_changes"] = new JsonArray([.. plan.Changes.Select(ResourceChangeNode)]);
        }

        if (plan.OutputChanges.Count > 0)
        {
            document["output_changes"] = OutputChanges(plan.OutputChanges);
        }

        if (priorState is not null)
        {
            document["prior_state"] = StateJson.Build(priorState);
        }

        document["configuration"] = ConfigurationJson.Build(config);
        document["timestamp"] = createdAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        document["errored"] = false;
        return document;
    }

    private static JsonObject Variables(IReadOnlyDictionary<string, TfValue> variables)
    {
        var result = new JsonObject();
        foreach (var (name, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            result[name] = new JsonObject { ["value"] = JsonValues.ToNode(value) };
        }

        return result;
    }

    private static JsonObject PlannedValues(SavedPlan plan)
    {
        var planned = new JsonObject();
        var outputs = plan.OutputChanges.Where(o => o.After is not null).ToList();
        if (outputs.Count > 0)
        {
            var node = new JsonObject();
            foreach (var output in outputs)
            {
                node[output.Name] = StateJson.Output(output.After!, output.Sensitive);
            }

            planned["outputs"] = node;
        }

        var resources = plan.Changes.Where(c => c.After is not null)
            .Select(c => StateJson.Resource(c.Address, c.Type, c.Name, c.Provider, c.After!)).ToList();
        planned["root_module"] = resources.Count == 0 ? new JsonObject() : new JsonObject { ["resources"] = new JsonArray([.. resources]) };
        return planned;
    }

    private static JsonObject ResourceChangeNode(ResourceChange change)
    {
        var node = new JsonObject
        {
            ["address"] = change.Address,
            ["mode"] = "managed",
            ["type"] = change.Type,
            ["name"] = change.Name,
            ["provider_name"] = change.Provider.FullName,
            ["change"] = new JsonObject
            {
                ["actions"] = Actions(change.Action),
                ["before"] = change.Before is null ? null : JsonValues.ToObject(change.Before),
                ["after"] = change.After is null ? null : JsonValues.ToObject(change.After, v => v.IsKnown),
                ["after_unknown"] = JsonValues.Flags(change.After?.Where(a => !a.Value.IsKnown).Select(a => a.Key) ?? []),
                ["before_sensitive"] = SensitiveMask(change.Before),
                ["after_sensitive"] = SensitiveMask(change.After),
            },
        };
        if (change.ActionReason is { } reason)
        {
            node["action_reason"] = reason;
        }

        return node;
    }

    private static JsonObject OutputChanges(IReadOnlyList<OutputChange> changes)
    {
        var result = new JsonObject();
        foreach (var change in changes)
        {
            var node = new JsonObject
            {
                ["actions"] = Actions(change.Action),
                ["before"] = change.Before is null ? null : JsonValues.ToNode(change.Before),
            };
            if (change.After is not { IsKnown: false })
            {
                node["after"] = change.After is null ? null : JsonValues.ToNode(change.After);
            }

            node["after_unknown"] = change.After is { IsKnown: false };
            node["before_sensitive"] = change.Before is not null && change.Sensitive;
            node["after_sensitive"] = change.After is not null && change.Sensitive;
            result[change.Name] = node;
        }

        return result;
    }

    private static JsonArray Actions(ChangeAction action) => [action switch
    {
        ChangeAction.Create => "create",
        ChangeAction.Update => "update",
        ChangeAction.Delete => "delete",
        _ => "no-op",
    }];

    private static JsonNode SensitiveMask(IReadOnlyDictionary<string, TfValue>? values) =>
        values is null ? JsonValue.Create(false) : JsonValues.Flags(values.Where(v => v.Value.Sensitive).Select(v => v.Key));
}
