using Npgsql;

namespace IaCBot.Server.Configuration;

/// <summary>Checks of the <c>storage</c> section. Messages never quote the connection string: it holds a password.</summary>
internal static class StorageSetting
{
    public static IEnumerable<string> Problems(StorageOptions options)
    {
        var provider = options.Provider?.Trim() ?? "";
        if (!options.IsPostgres && !string.Equals(provider, StorageOptions.LiteDb, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"storage:provider must be '{StorageOptions.LiteDb}' (the default, files under server:data_dir) "
                + $"or '{StorageOptions.Postgres}', not '{options.Provider}'.";
            yield break;
        }

        if (!options.IsPostgres)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            yield return "storage:connection_string is required with storage:provider postgres, "
                + "e.g. Host=db.example.com;Database=iacbot;Username=iacbot;Password=... (Npgsql's keywords).";
        }
        else if (ParseProblem(options.ConnectionString) is { } problem)
        {
            yield return $"storage:connection_string cannot be read: {problem}";
        }
    }

    /// <summary>The password of the connection string, for the redactor; null when there is none or it cannot be read.</summary>
    public static string? Password(string? connectionString)
    {
        try
        {
            return string.IsNullOrWhiteSpace(connectionString) ? null : new NpgsqlConnectionStringBuilder(connectionString).Password;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? ParseProblem(string connectionString)
    {
        try
        {
            var parts = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(parts.Host) ? "it names no Host (the PostgreSQL server)." : null;
        }
        catch (ArgumentException)
        {
            // The exception's message may quote a part of the string, the password among them.
            return "it is not a list of key=value pairs separated by ';' with keywords Npgsql knows (Host, Port, Database, Username, Password, ...).";
        }
    }
}
