namespace IaCBot.Core.RepoConfig;

/// <summary>
/// A project's <c>autoplan</c> block. <see cref="WhenModified"/> holds <c>.dockerignore</c>-style patterns relative to
/// the project's directory; a changed file matching them makes the project part of the pull request.
/// </summary>
public sealed record AutoplanConfig(bool Enabled, IReadOnlyList<string> WhenModified)
{
    public static IReadOnlyList<string> DefaultWhenModified { get; } = ["**/*.tf*", "**/terragrunt.hcl", "**/.terraform.lock.hcl"];

    public static AutoplanConfig Default { get; } = new(true, DefaultWhenModified);
}
