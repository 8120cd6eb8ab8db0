namespace IaCBot.Infrastructure.GitHub;

/// <summary>A GitHub App IaCBot acts as, instead of a user's token.</summary>
/// <param name="AppId">The App's id, shown on its settings page.</param>
/// <param name="PrivateKeyPem">The App's RSA private key in PEM form (PKCS#1 or PKCS#8), as GitHub gives it for download.</param>
/// <param name="InstallationId">The one installation to use; null to find the installation of each repository's owner.</param>
public sealed record GitHubAppSettings(long AppId, string PrivateKeyPem, long? InstallationId)
{
    /// <summary>Never shows the key, whatever prints the record.</summary>
    public override string ToString() => $"GitHubAppSettings {{ AppId = {AppId}, InstallationId = {InstallationId} }}";
}
