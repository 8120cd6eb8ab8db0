using Npgsql;

namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>
/// The PostgreSQL database that several IaCBot replicas share. Its schema is brought up to date before the first
/// command runs; each command takes a pooled connection for as long as it runs.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _genericPlans;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;

    public PostgresDatabase(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(PostgresConnectionString.Tuned(connectionString));
        _genericPlans = NpgsqlDataSource.Create(PostgresConnectionString.GenericPlans(connectionString));
        Owners = new OwnerSessions(_dataSource);
    }

    /// <summary>The job owners of this process, marked alive for the other replicas.</summary>
    public OwnerSessions Owners { get; }

    /// <summary>A command on a connection of its own, opened when it runs and closed after (with its reader).</summary>
    public async Task<NpgsqlCommand> CommandAsync(string sql, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        return _dataSource.CreateCommand(sql);
    }

    /// <summary>
    /// As <see cref="CommandAsync"/>, for a hot statement whose plan does not depend on its parameters' values: its
    /// connections keep one plan per prepared statement (see <see cref="PostgresConnectionString.GenericPlans"/>).
    /// </summary>
    public async Task<NpgsqlCommand> GenericPlanCommandAsync(string sql, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        return _genericPlans.CreateCommand(sql);
    }

    /// <summary>A connection for several commands in one transaction.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Applies the schema's missing steps; a failure is tried again by the next caller.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migrationGate.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated)
            {
                await PostgresMigrations.ApplyAsync(_dataSource, cancellationToken);
                _migrated = true;
            }
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Owners.DisposeAsync();
        await _dataSource.DisposeAsync();
        await _genericPlans.DisposeAsync();
        _migrationGate.Dispose();
    }
}
