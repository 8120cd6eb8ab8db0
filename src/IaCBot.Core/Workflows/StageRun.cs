using System.Text;
using IaCBot.Core.Processes;
using IaCBot.Core.Terraform;

namespace IaCBot.Core.Workflows;

/// <summary>The running state of one stage: variables set by its <c>env</c> steps, what to show, what the plan found.</summary>
/// <param name="maxShownChars">The most of the shown output kept; past it the oldest lines go, as a process's do.</param>
internal sealed class StageRun(StepContext context, int maxShownChars)
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

    /// <summary>What of the shown output is not in <see cref="Output"/>: cut by the process runner or here.</summary>
    public OmittedOutput? Omitted { get; private set; }

    public TerraformInvocation Terraform => new(Context.TerraformBinary, Context.ProjectDir, CustomEnvironment, Context.Log?.Path);

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

    /// <summary>Adds the sensitive values of a plan, from the file its <c>terraform show -json</c> wrote.</summary>
    public async Task AddSensitiveValuesAsync(string showFile, CancellationToken cancellationToken) =>
        SensitiveValues.UnionWith(await SensitivePlanValues.FromShowJsonFileAsync(showFile, cancellationToken));

    public void Show(ProcessResult result) => Show(result.Output, result.Omitted);

    /// <param name="omitted">What the process runner left out of <paramref name="output"/>.</param>
    public void Show(string output, OmittedOutput? omitted = null)
    {
        Omitted = OmittedOutput.Sum(Omitted, omitted);
        if (!string.IsNullOrWhiteSpace(output))
        {
            _output.Append(output.TrimEnd('\n')).Append('\n');
            KeepEnd();
        }
    }

    /// <summary>Records a failed step, showing its output; returns false so a step can end with <c>return Fail(...)</c>.</summary>
    public bool Fail(ProcessResult result, string message) => Fail(result.Output, message, result.Omitted);

    /// <inheritdoc cref="Fail(ProcessResult, string)"/>
    public bool Fail(string output, string message, OmittedOutput? omitted = null)
    {
        Show(output, omitted);
        Failure = message;
        return false;
    }

    private void KeepEnd()
    {
        if (_output.Length <= maxShownChars)
        {
            return;
        }

        var text = _output.ToString();
        var cut = text.IndexOf('\n', text.Length - maxShownChars);
        cut = cut < 0 || cut == text.Length - 1 ? text.Length - maxShownChars : cut + 1;
        Omitted = OmittedOutput.Sum(Omitted, new OmittedOutput(text.AsSpan(0, cut).Count('\n'), cut));
        _output.Remove(0, cut);
    }
}
