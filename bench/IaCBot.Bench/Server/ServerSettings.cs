namespace IaCBot.Bench.Server;

/// <summary>What the benchmarked server is started with.</summary>
/// <param name="GitHubApiUrl">Where the queued jobs call GitHub: <see cref="SilentGitHub"/>, or a stub that answers.</param>
/// <param name="TerraformBinary">The terraform the server runs (the fake one for the plan modes); null keeps the default.</param>
/// <param name="ParallelPoolSize">server:parallel_pool_size; null keeps the default.</param>
/// <param name="PostgresConnection">With it, storage:provider postgres on that database; without, LiteDB and SQLite files.</param>
internal sealed record ServerSettings(
    string DataDir,
    string WebhookSecret,
    string RepoAllowlist,
    string GitHubApiUrl,
    string BotUser,
    string? TerraformBinary = null,
    int? ParallelPoolSize = null,
    string? PostgresConnection = null)
{
    /// <summary>An operator's YAML file: the defaults for everything the benchmark does not need to set.</summary>
    public string Yaml() => $"""
        server:
          data_dir: '{DataDir}'
          repo_allowlist: ['{RepoAllowlist}']
        {(ParallelPoolSize is { } pool ? $"  parallel_pool_size: {pool}" : "")}
        github:
          api_url: '{GitHubApiUrl}'
          token: 'bench-token-not-used-for-intake'
          webhook_secret: '{WebhookSecret}'
          user: '{BotUser}'
          request_timeout: 10m
        {(TerraformBinary is { } binary ? $"terraform:\n  binary: '{binary}'" : "")}
        """ + Storage();

    private string Storage() => PostgresConnection is null ? "" : $"""

        storage:
          provider: postgres
          connection_string: '{PostgresConnection}'
        """;
}
