using FakeTerraform.Config;

namespace FakeTerraform.Planning;

/// <summary>
/// What a plan file records: the changes, and the serial and lineage of the state they were planned against,
/// so that apply can refuse the plan once that state has moved on.
/// </summary>
internal sealed record SavedPlan(
    string Workspace,
    PlanMode Mode,
    long PriorSerial,
    string PriorLineage,
    IReadOnlyList<ResourceChange> Changes,
    IReadOnlyList<OutputChange> OutputChanges,
    IReadOnlyList<string> Targets,
    IReadOnlyDictionary<string, TfValue> Variables)
{
    public bool HasChanges =>
        Changes.Any(c => c.Action != ChangeAction.NoOp) || OutputChanges.Any(o => o.Action != ChangeAction.NoOp);

    public int Count(ChangeAction action) => Changes.Count(c => c.Action == action);
}
