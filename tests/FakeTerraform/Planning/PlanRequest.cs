using FakeTerraform.Config;
using FakeTerraform.State;

namespace FakeTerraform.Planning;

internal sealed record PlanRequest(
    Configuration Config,
    IReadOnlyDictionary<string, TfValue> Variables,
    StateFile State,
    string Workspace,
    PlanMode Mode,
    IReadOnlyList<string> Targets);
