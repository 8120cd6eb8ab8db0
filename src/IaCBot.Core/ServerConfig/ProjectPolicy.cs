using IaCBot.Core.RepoConfig;

namespace IaCBot.Core.ServerConfig;

/// <summary>
/// The settings one project runs with once the server's policy and the repo's config are merged: a project key the
/// server allows, else the server's setting for the repository, else Atlantis' default.
/// </summary>
/// <param name="SilencePrComments">Stages (<c>plan</c>, <c>apply</c>) whose comments are left out.</param>
public sealed record ProjectPolicy(
    IReadOnlyList<string> PlanRequirements,
    IReadOnlyList<string> ApplyRequirements,
    IReadOnlyList<string> ImportRequirements,
    Workflow Workflow,
    RepoLocksMode RepoLocks,
    bool DeleteSourceBranchOnMerge,
    IReadOnlyList<string> SilencePrComments,
    bool PolicyCheck)
{
    /// <summary>Whether policy tools other than conftest may run in the project's workflow.</summary>
    public bool CustomPolicyCheck { get; init; }
}
