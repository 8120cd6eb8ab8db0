namespace IaCBot.Bench.Server;

/// <summary>What the benchmarked server is started with.</summary>
/// <param name="GitHubApiUrl">Where the queued jobs call GitHub; the benchmark points it at <see cref="SilentGitHub"/>.</param>
/// <param name="PostgresConnection">With it, storage:provider postgres on that database; without, LiteDB and SQLite files.</param>
internal sealed record ServerSettings(
    string DataDir, string WebhookSecret, string RepoAllowlist, string GitHubApiUrl, string BotUser, string? PostgresConnection = null)
{
    /// <summary>An operator's YAML file: the defaults for everything the benchmark does not need to set.</summary>
    public string Yaml() => $"""
        server:
          data_dir: '{DataDir}'
          repo_allowlist: ['{RepoAllowlist}']
        github:
          api_url: '{GitHubApiUrl}'
          token: 'bench-token-not-used-for-intake'
          webhook_secret: '{WebhookSecret}'
          user: '{BotUser}'
          request_timeout: 10m
        """ + Storage();

    private string Storage() => PostgresConnection is null ? "" : $"""

        storage:
          provider: postgres
          connection_string: '{PostgresConnection}'
        """;
}
