namespace IaCBot.Infrastructure.GitHub;

/// <summary>How to reach GitHub's REST API (github.com or GitHub Enterprise Server).</summary>
/// <param name="ApiUrl">The API root, ending in <c>/</c>: <c>https://api.github.com/</c> or <c>https://ghe.example.com/api/v3/</c>.</param>
public sealed record GitHubSettings(Uri ApiUrl, string? Token)
{
    /// <summary>The GitHub App to act as, whose installation tokens replace <see cref="Token"/>; null to use the token.</summary>
    public GitHubAppSettings? App { get; init; }

    /// <summary>Never shows the token, whatever prints the record.</summary>
    public override string ToString() => $"GitHubSettings {{ ApiUrl = {ApiUrl}, App = {App} }}";
}
