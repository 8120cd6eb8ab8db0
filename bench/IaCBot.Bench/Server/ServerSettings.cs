namespace IaCBot.Bench.Server;

/// <summary>What the benchmarked server is started with.</summary>
/// <param name="GitHubApiUrl">Where the queued jobs call GitHub; the benchmark points it at a closed port (see README).</param>
internal sealed record ServerSettings(string DataDir, string WebhookSecret, string RepoAllowlist, string GitHubApiUrl, string BotUser)
{
    /// <summary>An operator's YAML file: the defaults for everything the benchmark does not need to set.</summary>
    public string Yaml() => $"""
        server:
          data_dir: '{DataDir}'
          repo_allowlist: ['{RepoAllowlist}']
          shutdown_grace: 5s
        github:
          api_url: '{GitHubApiUrl}'
          token: 'bench-token-not-used-for-intake'
          webhook_secret: '{WebhookSecret}'
          user: '{BotUser}'
        """;
}
