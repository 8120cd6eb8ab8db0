using IaCBot.Core.Vcs;
using Npgsql;

namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>Parameters and columns as the stores write and read them.</summary>
internal static class NpgsqlExtensions
{
    /// <summary>The columns every table that names a pull request has, in this order.</summary>
    public const string PullColumns = "pull_key, host, host_kind, repo_owner, repo_name, number";

    public const string PullValues = "@pull_key, @host, @host_kind, @repo_owner, @repo_name, @number";

    /// <summary>
    /// Adds a parameter; null is sent as SQL NULL, and a time in UTC, as <c>timestamptz</c> requires of Npgsql.
    /// </summary>
    public static NpgsqlCommand With(this NpgsqlCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value switch
        {
            null => DBNull.Value,
            DateTimeOffset time => time.ToUniversalTime(),
            _ => value,
        });
        return command;
    }

    public static NpgsqlCommand WithPull(this NpgsqlCommand command, PullRequestRef pull) =>
        command.With("pull_key", pull.ToString())
            .With("host", pull.Repo.Host)
            .With("host_kind", pull.Repo.Kind.ToString())
            .With("repo_owner", pull.Repo.Owner)
            .With("repo_name", pull.Repo.Name)
            .With("number", pull.Number);

    public static T Get<T>(this NpgsqlDataReader reader, string column) => reader.GetFieldValue<T>(reader.GetOrdinal(column));

    public static string? Text(this NpgsqlDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public static DateTimeOffset? Time(this NpgsqlDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
    }

    public static PullRequestRef Pull(this NpgsqlDataReader reader)
    {
        var kind = Enum.TryParse<VcsKind>(reader.Get<string>("host_kind"), out var parsed) ? parsed : VcsKind.GitHub;
        var repo = new RepoId(reader.Get<string>("host"), reader.Get<string>("repo_owner"), reader.Get<string>("repo_name"), kind);
        return new PullRequestRef(repo, reader.Get<int>("number"));
    }

    /// <summary>Reads every row with <paramref name="read"/>.</summary>
    public static async Task<List<T>> ListAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
