using IaCBot.Core.RepoConfig;

namespace IaCBot.Core.Terraform;

/// <summary>
/// Finds the terraform or OpenTofu binary a project asks for with <c>terraform_version</c> and
/// <c>terraform_distribution</c>, installing it first when the server is allowed to.
/// </summary>
public interface ITerraformBinaries
{
    /// <summary>
    /// The absolute path, or a name to look up on PATH, of the binary to run. A null <paramref name="version"/> means
    /// the server's default binary for the distribution.
    /// </summary>
    /// <exception cref="TerraformBinaryException">The version is not a version, is not installed and may not be
    /// downloaded, or its download failed; the message is safe to show on the PR.</exception>
    Task<string> ResolveAsync(string? version, TerraformDistribution distribution, CancellationToken cancellationToken);
}
