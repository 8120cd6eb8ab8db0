namespace IaCBot.Infrastructure.GitHub;

/// <summary>An installation's access token and when GitHub stops taking it.</summary>
internal sealed record InstallationToken(string Value, DateTimeOffset ExpiresAt)
{
    /// <summary>Never shows the token, whatever prints the record.</summary>
    public override string ToString() => $"InstallationToken {{ ExpiresAt = {ExpiresAt:O} }}";
}
