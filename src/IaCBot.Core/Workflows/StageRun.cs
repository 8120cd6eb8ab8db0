using System.Text;
using IaCBot.Core.Terraform;

namespace IaCBot.Core.Workflows;

/// <summary>The running state of one stage: variables set by its <c>env</c> steps, what to show, what the plan found.</summary>
internal sealed class StageRun(StepContext context)
{
    private readonly StringBuilder _output = new();

    public StepContext Context { get; } = context;

    /// <summary>Variables from <c>env</c> and <c>multienv</c> steps, for every later step (terraform's included).</summary>
    public Dictionary<string, string?> CustomEnvironment { get; } = [];

    public bool WorkspaceSelected { get; set; }

    public PlannedChanges? Plan { get; set; }

    /// <summary>Values the plan marks sensitive, masked in what the stage shows (see <see cref="SensitivePlanValues"/>).</summary>
    public SortedSet<string> SensitiveValues { get; } = new(StringComparer.Ordinal);

    public string? Failure { get; private set; }

    public string Output => _output.ToString().Trim('\n');

    public TerraformInvocation Terraform => new(Context.TerraformBinary, Context.ProjectDir, CustomEnvironment);

    /// <summary>The environment of a custom command: the Atlantis variables, then the stage's own.</summary>
    public Dictionary<string, string?> CommandEnvironment()
    {
        var environment = AtlantisEnvironment.For(Context);
        foreach (var (key, value) in CustomEnvironment)
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>Adds the sensitive values of a plan, from its <c>terraform show -json</c>.</summary>
    public void AddSensitiveValues(string showJson) =>
        SensitiveValues.UnionWith(SensitivePlanValues.FromShowJson(showJson));

    public void Show(string output)
    {
        if (!string.IsNullOrWhiteSpace(output))
        {
            _output.Append(output.TrimEnd('\n')).Append('\n');
        }
    }

    /// <summary>Records a failed step, showing its output; returns false so a step can end with <c>return Fail(...)</c>.</summary>
    public bool Fail(string output, string message)
    {
        Show(output);
        Failure = message;
        return false;
    }
}
