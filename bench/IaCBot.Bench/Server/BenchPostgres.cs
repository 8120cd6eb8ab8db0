using System.Diagnostics;
using Npgsql;

namespace IaCBot.Bench.Server;

/// <summary>
/// The PostgreSQL of <c>intake --storage postgres</c>: a throwaway server (initdb in the work folder, a Unix socket
/// only, fsync on as in production, in a folder of /tmp deleted afterwards), or the server <c>IACBOT_BENCH_POSTGRES</c> names (a connection string of a user
/// that may create databases), in a fresh database that is dropped afterwards.
/// </summary>
internal sealed class BenchPostgres : IAsyncDisposable
{
    private readonly string? _dataDir;
    private readonly string? _binDir;
    private readonly string _admin;
    private readonly string _database;

    private BenchPostgres(string? dataDir, string? binDir, string admin, string database)
    {
        _dataDir = dataDir;
        _binDir = binDir;
        _admin = admin;
        _database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database, Pooling = true }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<BenchPostgres> StartAsync()
    {
        var database = $"iacbot_bench_{Guid.NewGuid():N}";
        if (Environment.GetEnvironmentVariable("IACBOT_BENCH_POSTGRES") is { Length: > 0 } existing)
        {
            await ExecuteAsync(existing, $"CREATE DATABASE \"{database}\"");
            return new BenchPostgres(null, null, existing, database);
        }

        var bin = FindBinaries() ?? throw new ArgumentException(
            "--storage postgres needs PostgreSQL's server programs (Debian's postgresql package) or IACBOT_BENCH_POSTGRES.");
        // A folder of its own under /tmp: the work folder is private to root, and the server runs as postgres.
        var dir = Directory.CreateTempSubdirectory("iacbot-bench-pg-").FullName;
        await RunAsync("chown", ["postgres", dir]);
        var data = Path.Combine(dir, "data");
        await RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
        await RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(dir, "server.log"), "-w",
            "-o", $"-k {dir} -h '' -p 5432 -c max_connections=200", "start"]);
        var admin = new NpgsqlConnectionStringBuilder { Host = dir, Port = 5432, Username = "postgres", Database = "postgres", Pooling = false }.ConnectionString;
        await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"");
        return new BenchPostgres(data, bin, admin, database);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDir is null)
        {
            await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
            return;
        }

        await RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_binDir!, "pg_ctl"), "-D", _dataDir, "-m", "immediate", "-w", "stop"]);
        Directory.Delete(Path.GetDirectoryName(_dataDir)!, recursive: true);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string? FindBinaries() => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
        : null;

    private static async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
