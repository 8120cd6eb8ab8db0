namespace IaCBot.Core.RepoConfig;

/// <summary>A named workflow; each stage the file leaves out keeps Atlantis' default steps.</summary>
public sealed record Workflow(
    string Name,
    WorkflowStage Plan,
    WorkflowStage Apply,
    WorkflowStage Import,
    WorkflowStage StateRm,
    WorkflowStage PolicyCheck)
{
    public const string DefaultName = "default";

    public static Workflow Default { get; } = new(
        DefaultName,
        WorkflowStage.DefaultPlan,
        WorkflowStage.DefaultApply,
        WorkflowStage.DefaultImport,
        WorkflowStage.DefaultStateRm,
        WorkflowStage.DefaultPolicyCheck);
}
