namespace IaCBot.Core.Projects;

/// <summary>A terraform root module IaCBot plans and applies, with what the repo config says of it.</summary>
/// <param name="Name">The <c>name</c> from the repo config, when it has one.</param>
/// <param name="ApplyRequirements">Requirements such as <c>approved</c> and <c>mergeable</c> that must hold before an apply.</param>
public sealed record Project(ProjectKey Key, string? Name, IReadOnlyList<string> ApplyRequirements)
{
    public string Dir => Key.Dir;

    public string Workspace => Key.Workspace;
}
