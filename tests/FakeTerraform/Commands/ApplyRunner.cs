using FakeTerraform.Config;
using FakeTerraform.Diagnostics;
using FakeTerraform.Planning;
using FakeTerraform.Rendering;
using FakeTerraform.State;

namespace FakeTerraform.Commands;

/// <summary>
/// Carries out a plan: terraform's "Creating..." / "Creation complete after 0s" lines, the new state (serial
/// plus one, lineage kept or started) and the "Apply complete!" summary with the outputs.
/// </summary>
internal sealed class ApplyRunner(RunContext context, CommandOutput output, FakeKnobs knobs)
{
    public async Task<int> RunAsync(SavedPlan plan, StateFile state)
    {
        var resolver = new UnknownResolver(plan, state);
        var resources = state.Resources.ToDictionary(r => r.Address, StringComparer.Ordinal);
        var first = true;
        foreach (var change in DependencyOrder(plan.Changes.Where(c => c.Action != ChangeAction.NoOp)))
        {
            Hook("[reset][bold]\u0000: \u0001\u0002[reset]", change.Address, Starting(change.Action), IdSuffix(change.Before));
            if (first)
            {
                first = false;
                await context.HoldAsync(knobs, "apply");
                if (knobs.Fails("apply"))
                {
                    output.ViewDiagnostics([TerraformDiagnostics.InconsistentResultAfterApply(change.Address, change.Provider)]);
                    return 1;
                }
            }

            var after = change.After is null ? null : resolver.Resource(change.Address);
            Hook("[reset][bold]\u0000: \u0001 after 0s\u0002", change.Address, Completed(change.Action), IdSuffix(after));
            if (after is null)
            {
                resources.Remove(change.Address);
            }
            else
            {
                resources[change.Address] = new ResourceState(change.Type, change.Name, change.Provider.StateProvider, after);
            }
        }

        var outputs = Outputs(plan, state, resolver);
        var changed = plan.HasChanges;
        if (changed)
        {
            var lineage = state.Lineage.Length > 0 ? state.Lineage : Guid.NewGuid().ToString();
            StateStore.Write(context.Workspaces.StatePath(plan.Workspace), new StateFile(state.Serial + 1, lineage, [.. resources.Values], outputs));
        }

        Summary(plan, outputs);
        return 0;
    }

    /// <summary>
    /// A resource waits for those whose unknown values it takes, as terraform's graph walk makes it wait;
    /// otherwise the plan's order stands.
    /// </summary>
    private static List<ResourceChange> DependencyOrder(IEnumerable<ResourceChange> changes)
    {
        var pending = changes.ToList();
        var ordered = new List<ResourceChange>();
        while (pending.Count > 0)
        {
            var waiting = pending.Select(c => c.Address).ToHashSet(StringComparer.Ordinal);
            var next = pending.FirstOrDefault(c => !Dependencies(c).Any(waiting.Contains)) ?? pending[0];
            pending.Remove(next);
            ordered.Add(next);
        }

        return ordered;
    }

    private static IEnumerable<string> Dependencies(ResourceChange change) =>
        change.After?.Values.Where(v => !v.IsKnown && v.Text.Contains('.', StringComparison.Ordinal))
            .Select(v => v.Text[..v.Text.LastIndexOf('.')]) ?? [];

    private static Dictionary<string, OutputState> Outputs(SavedPlan plan, StateFile state, UnknownResolver resolver)
    {
        var outputs = new Dictionary<string, OutputState>(state.Outputs, StringComparer.Ordinal);
        foreach (var change in plan.OutputChanges)
        {
            if (change.After is null)
            {
                outputs.Remove(change.Name);
                continue;
            }

            outputs[change.Name] = new OutputState(resolver.Value(change.Name, change.After, 0), change.Sensitive);
        }

        return outputs;
    }

    private void Summary(SavedPlan plan, Dictionary<string, OutputState> outputs)
    {
        output.Print(output.Color.Color(
            $"[reset][bold][green]\nApply complete! Resources: {plan.Count(ChangeAction.Create)} added, {plan.Count(ChangeAction.Update)} changed, {plan.Count(ChangeAction.Delete)} destroyed.\n"));
        if (outputs.Count > 0)
        {
            output.Print(output.Color.Color("[reset][bold][green]\nOutputs:\n\n"));
            output.Line(string.Join('\n', outputs.OrderBy(o => o.Key, StringComparer.Ordinal)
                .Select(o => $"{o.Key} = {(o.Value.Sensitive ? "<sensitive>" : ValueRenderer.Value(o.Value.Value, new Colorizer(false)))}")));
        }

        if (plan.Targets.Count > 0)
        {
            output.ViewDiagnostics([TerraformDiagnostics.AppliedChangesIncomplete()]);
        }
    }

    /// <summary>The UI hook lines; the markup is coloured before the values go in, as terraform does.</summary>
    private void Hook(string markup, string address, string operation, string suffix) =>
        output.Line(output.Color.Color(markup)
            .Replace("\u0000", address, StringComparison.Ordinal)
            .Replace("\u0001", operation, StringComparison.Ordinal)
            .Replace("\u0002", suffix, StringComparison.Ordinal).Trim());

    private static string IdSuffix(IReadOnlyDictionary<string, TfValue>? values) =>
        values?.GetValueOrDefault("id") is { IsKnown: true, IsNull: false } id ? $" [id={id.Text}]" : "";

    private static string Starting(ChangeAction action) => action switch
    {
        ChangeAction.Create => "Creating...",
        ChangeAction.Update => "Modifying...",
        _ => "Destroying...",
    };

    private static string Completed(ChangeAction action) => action switch
    {
        ChangeAction.Create => "Creation complete",
        ChangeAction.Update => "Modifications complete",
        _ => "Destruction complete",
    };
}
