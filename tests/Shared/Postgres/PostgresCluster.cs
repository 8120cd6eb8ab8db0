using CliWrap;
using CliWrap.Buffered;
using Npgsql;

namespace IaCBot.Tests.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for the tests: initdb in a temporary folder, listening only on a Unix socket there
/// (so it never meets another test run's port), stopped and deleted afterwards. IACBOT_TEST_POSTGRES names an existing
/// server instead (a connection string of a user that may create databases). Without either, the tests fail with
/// a message that says what to install: a missing PostgreSQL must never look like a pass.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private const string ServerVariable = "IACBOT_TEST_POSTGRES";
    private string? _dir;
    private string? _runAs;
    private string? _binDir;

    /// <summary>A connection string to the server's <c>postgres</c> database, for creating and dropping others.</summary>
    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } existing)
        {
            AdminConnectionString = existing;
            return;
        }

        _binDir = PostgresBinaries.Find() ?? throw new InvalidOperationException(
            "The PostgreSQL tests need PostgreSQL's server programs (initdb, pg_ctl), found neither in /usr/lib/postgresql/*/bin "
            + $"nor on PATH. Install Debian's postgresql package (.ci/run does), or set {ServerVariable} to a server's connection string.");
        _dir = Directory.CreateTempSubdirectory("iacbot-pg-").FullName;
        try
        {
            await StartAsync(_dir);
        }
        catch
        {
            Directory.Delete(_dir, recursive: true);
            _dir = null;
            throw;
        }

        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = _dir, Port = 5432, Username = "postgres", Database = "postgres", Pooling = false,
        }.ConnectionString;
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    public async Task DisposeAsync()
    {
        if (_dir is null)
        {
            return;
        }

        await RunServerProgramAsync("pg_ctl", ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop"]);
        Directory.Delete(_dir, recursive: true);
    }

    private async Task StartAsync(string dir)
    {
        // initdb refuses to run as root: the server then runs as an unprivileged user that owns its folder.
        _runAs = await IsRootAsync() ? "postgres" : null;
        if (_runAs is not null)
        {
            await RunAsync("chown", [_runAs, dir]);
        }

        var data = Path.Combine(dir, "data");
        await RunServerProgramAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        await RunServerProgramAsync("pg_ctl", ["-D", data, "-l", Path.Combine(dir, "server.log"), "-w", "-o", $"-k {dir} -h '' -p 5432 -F", "start"]);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private Task RunServerProgramAsync(string program, string[] arguments)
    {
        var path = Path.Combine(_binDir!, program);
        return _runAs is null ? RunAsync(path, arguments) : RunAsync("runuser", ["-u", _runAs, "--", path, .. arguments]);
    }

    private static async Task<bool> IsRootAsync() => (await RunAsync("id", ["-u"])).Trim() == "0";

    private static async Task<string> RunAsync(string program, string[] arguments)
    {
        var result = await Cli.Wrap(program).WithArguments(arguments).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        return result.ExitCode == 0
            ? result.StandardOutput
            : throw new InvalidOperationException(
                $"Starting the test PostgreSQL failed: {program} {string.Join(' ', arguments)} exited with {result.ExitCode}:\n"
                + result.StandardError + result.StandardOutput);
    }
}
