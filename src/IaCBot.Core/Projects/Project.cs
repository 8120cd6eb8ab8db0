using IaCBot.Core.RepoConfig;

namespace IaCBot.Core.Projects;

/// <summary>A terraform root module IaCBot plans and applies, with what the repo config says of it.</summary>
/// <param name="Name">The <c>name</c> from the repo config, when it has one.</param>
/// <param name="ApplyRequirements">Requirements such as <c>approved</c> and <c>mergeable</c> that must hold before an apply.</param>
public sealed record Project(ProjectKey Key, string? Name, IReadOnlyList<string> ApplyRequirements)
{
    public string Dir => Key.Dir;

    public string Workspace => Key.Workspace;

    /// <summary>The repo config entry this project comes from; null for a project found without one.</summary>
    public ProjectConfig? Config { get; init; }

    /// <summary>The terraform version the repo config asks for, or null for the server's default.</summary>
    public string? TerraformVersion => Config?.TerraformVersion;

    internal static Project From(ProjectConfig config) => new(config.Key, config.Name, config.ApplyRequirements) { Config = config };

    internal static Project Discovered(string dir, string workspace) => new(new ProjectKey(dir, workspace), null, []);
}
