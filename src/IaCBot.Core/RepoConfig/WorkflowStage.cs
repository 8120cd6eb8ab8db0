namespace IaCBot.Core.RepoConfig;

/// <summary>The steps of one command (plan, apply, ...). An empty list is allowed and runs nothing.</summary>
public sealed record WorkflowStage(IReadOnlyList<WorkflowStep> Steps)
{
    public static WorkflowStage DefaultPlan { get; } = Of(BuiltInStep.Init, BuiltInStep.Plan);

    public static WorkflowStage DefaultApply { get; } = Of(BuiltInStep.Apply);

    public static WorkflowStage DefaultImport { get; } = Of(BuiltInStep.Init, BuiltInStep.Import);

    public static WorkflowStage DefaultStateRm { get; } = Of(BuiltInStep.Init, BuiltInStep.StateRm);

    public static WorkflowStage DefaultPolicyCheck { get; } = Of(BuiltInStep.Show, BuiltInStep.PolicyCheck);

    private static WorkflowStage Of(params BuiltInStep[] steps) =>
        new(steps.Select(WorkflowStep (s) => new WorkflowStep.BuiltIn(s, [])).ToArray());
}
