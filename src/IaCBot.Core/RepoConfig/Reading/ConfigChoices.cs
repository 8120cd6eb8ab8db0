namespace IaCBot.Core.RepoConfig.Reading;

/// <summary>The words the file may use for each enumerated setting.</summary>
internal static class ConfigChoices
{
    public static IReadOnlyDictionary<string, AutoDiscoverMode> AutoDiscoverModes { get; } = new Dictionary<string, AutoDiscoverMode>
    {
        ["auto"] = AutoDiscoverMode.Auto,
        ["enabled"] = AutoDiscoverMode.Enabled,
        ["disabled"] = AutoDiscoverMode.Disabled,
    };

    public static IReadOnlyDictionary<string, RepoLocksMode> RepoLocksModes { get; } = new Dictionary<string, RepoLocksMode>
    {
        ["on_plan"] = RepoLocksMode.OnPlan,
        ["on_apply"] = RepoLocksMode.OnApply,
        ["disabled"] = RepoLocksMode.Disabled,
    };

    public static IReadOnlyDictionary<string, TerraformDistribution> Distributions { get; } = new Dictionary<string, TerraformDistribution>
    {
        ["terraform"] = TerraformDistribution.Terraform,
        ["opentofu"] = TerraformDistribution.OpenTofu,
    };

    public static IReadOnlyDictionary<string, BuiltInStep> BuiltInSteps { get; } = new Dictionary<string, BuiltInStep>
    {
        ["init"] = BuiltInStep.Init,
        ["plan"] = BuiltInStep.Plan,
        ["apply"] = BuiltInStep.Apply,
        ["show"] = BuiltInStep.Show,
        ["import"] = BuiltInStep.Import,
        ["state_rm"] = BuiltInStep.StateRm,
        ["policy_check"] = BuiltInStep.PolicyCheck,
    };

    public static IReadOnlyDictionary<string, RunOutput> RunOutputs { get; } = new Dictionary<string, RunOutput>
    {
        ["show"] = RunOutput.Show,
        ["hide"] = RunOutput.Hide,
        ["strip_refreshing"] = RunOutput.StripRefreshing,
    };

    public static IReadOnlyDictionary<string, RunOutput> MultiEnvOutputs { get; } = new Dictionary<string, RunOutput>
    {
        ["show"] = RunOutput.Show,
        ["hide"] = RunOutput.Hide,
    };

    public static IReadOnlyList<string> SilenceableStages { get; } = ["plan", "apply"];
}
