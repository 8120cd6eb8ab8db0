using Microsoft.Extensions.Configuration;

namespace IaCBot.Server.Configuration;

/// <summary>The <c>storage</c> section of iacbot.yaml: where state and the job queue live.</summary>
internal sealed class StorageOptions
{
    public const string Section = "storage";

    public const string LiteDb = "litedb";

    public const string Postgres = "postgres";

    /// <summary>
    /// <c>litedb</c> (the default: files under data_dir, no other service) or <c>postgres</c> (a database that
    /// several replicas share).
    /// </summary>
    [ConfigurationKeyName("provider")]
    public string Provider { get; set; } = LiteDb;

    /// <summary>The PostgreSQL connection string (Npgsql's keywords); required with provider postgres. A secret: never printed.</summary>
    [ConfigurationKeyName("connection_string")]
    public string? ConnectionString { get; set; }

    public bool IsPostgres => IsPostgresProvider(Provider);

    /// <summary>Read before the options are bound, to choose which services to register.</summary>
    public static bool IsPostgresProvider(string? provider) =>
        string.Equals(provider?.Trim(), Postgres, StringComparison.OrdinalIgnoreCase)
        || string.Equals(provider?.Trim(), "postgresql", StringComparison.OrdinalIgnoreCase);
}
