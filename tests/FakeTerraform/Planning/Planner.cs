using FakeTerraform.Config;
using FakeTerraform.State;

namespace FakeTerraform.Planning;

/// <summary>Diffs the configuration against the workspace's state: create, update in-place, destroy or no-op.</summary>
internal static class Planner
{
    public static SavedPlan Plan(PlanRequest request)
    {
        var evaluator = new ConfigEvaluator(request.Config, request.Variables, request.State);
        var changes = request.Mode == PlanMode.Destroy
            ? [.. request.State.Resources.Select(r => Delete(r, reason: null))]
            : ResourceChanges(request, evaluator);
        if (request.Targets.Count > 0)
        {
            changes = [.. changes.Select(c => request.Targets.Contains(c.Address) ? c : Untargeted(c, request.State)).OfType<ResourceChange>()];
        }

        var outputs = request.Targets.Count > 0 ? [] : OutputChanges(request, evaluator);
        return new SavedPlan(
            request.Workspace,
            request.Mode,
            request.State.Serial,
            request.State.Lineage,
            [.. changes.OrderBy(c => c.Address, StringComparer.Ordinal)],
            [.. outputs.OrderBy(o => o.Name, StringComparer.Ordinal)],
            request.Targets,
            request.Variables);
    }

    private static List<ResourceChange> ResourceChanges(PlanRequest request, ConfigEvaluator evaluator)
    {
        var changes = new List<ResourceChange>();
        foreach (var resource in request.Config.Resources)
        {
            var after = evaluator.Resource(resource);
            var prior = request.State.Find(resource.Address);
            changes.Add(prior is null
                ? new ResourceChange(resource.Type, resource.Name, resource.Provider, ChangeAction.Create, null, after)
                : Compare(resource, prior, after));
        }

        var configured = request.Config.Resources.Select(r => r.Address).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(request.State.Resources.Where(r => !configured.Contains(r.Address))
            .Select(r => Delete(r, "delete_because_no_resource_config")));
        return changes;
    }

    private static ResourceChange Compare(ResourceConfig resource, ResourceState prior, IReadOnlyDictionary<string, TfValue> desired)
    {
        var after = new Dictionary<string, TfValue>(desired, StringComparer.Ordinal);
        foreach (var name in prior.Attributes.Keys.Where(k => !after.ContainsKey(k)))
        {
            after[name] = TfValue.Null;
        }

        var changed = after.Any(a => !a.Value.IsKnown || !a.Value.SameData(prior.Attributes.GetValueOrDefault(a.Key) ?? TfValue.Null));
        var action = changed ? ChangeAction.Update : ChangeAction.NoOp;
        return new ResourceChange(resource.Type, resource.Name, resource.Provider, action, prior.Attributes, after);
    }

    private static ResourceChange Delete(ResourceState resource, string? reason) => new(
        resource.Type, resource.Name, ProviderAddress.ForResourceType(resource.Type), ChangeAction.Delete, resource.Attributes, null, reason);

    private static ResourceChange? Untargeted(ResourceChange change, StateFile state) =>
        state.Find(change.Address) is { } prior
            ? change with { Action = ChangeAction.NoOp, Before = prior.Attributes, After = prior.Attributes, ActionReason = null }
            : null;

    private static List<OutputChange> OutputChanges(PlanRequest request, ConfigEvaluator evaluator)
    {
        var changes = new List<OutputChange>();
        var configured = request.Mode == PlanMode.Destroy ? [] : request.Config.Outputs;
        foreach (var output in configured)
        {
            var after = evaluator.Evaluate(output.Value).MarkSensitive(output.Sensitive);
            var sensitive = output.Sensitive || after.Sensitive;
            if (!request.State.Outputs.TryGetValue(output.Name, out var prior))
            {
                changes.Add(new OutputChange(output.Name, ChangeAction.Create, null, after, sensitive));
                continue;
            }

            var changed = !after.IsKnown || !after.SameData(prior.Value);
            changes.Add(new OutputChange(output.Name, changed ? ChangeAction.Update : ChangeAction.NoOp, prior.Value, after, sensitive));
        }

        var names = configured.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(request.State.Outputs.Where(o => !names.Contains(o.Key))
            .Select(o => new OutputChange(o.Key, ChangeAction.Delete, o.Value.Value, null, o.Value.Sensitive)));
        return changes;
    }
}
