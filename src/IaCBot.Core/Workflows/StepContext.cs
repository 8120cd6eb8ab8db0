using IaCBot.Core.Projects;
using IaCBot.Core.RunLogs;
using IaCBot.Core.Runs;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Workflows;

/// <summary>Everything a workflow's steps know about the project they run for.</summary>
/// <param name="Checkout">The root of the PR's checkout for the project's workspace.</param>
/// <param name="User">Who asked: the commenter, or the PR's author for an autoplan.</param>
/// <param name="CommentArgs">Arguments after <c>--</c> in the comment, passed on to terraform's own step.</param>
/// <param name="Arguments">The command's positional arguments (import's address and id, state rm's addresses).</param>
/// <param name="TerraformBinary">The resolved binary for the project's terraform version and distribution.</param>
public sealed record StepContext(
    PullRequestInfo Pull,
    Project Project,
    string Checkout,
    string User,
    string CommandName,
    IReadOnlyList<string> CommentArgs,
    IReadOnlyList<string> Arguments,
    string TerraformBinary)
{
    public string ProjectDir => PlanFiles.ProjectDirectory(Checkout, Project);

    /// <summary>The plan file's name in <see cref="ProjectDir"/>.</summary>
    public string PlanFileName => PlanFiles.FileName(Project);

    public string PlanFile => Path.Combine(ProjectDir, PlanFileName);

    /// <summary>Where the plan's JSON goes, as Atlantis' <c>$SHOWFILE</c>.</summary>
    public string ShowFile => Path.ChangeExtension(PlanFile, ".json");

    /// <summary>The file every step's whole output is appended to, or null when the run keeps no log.</summary>
    public LogFile? Log { get; init; }

    /// <summary>Where the run records the project's steps as they start and end, or null when it keeps no record.</summary>
    public RunHistory.ProjectSteps? Steps { get; init; }
}
