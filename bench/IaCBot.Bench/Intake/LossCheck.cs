using System.Globalization;
using System.Text.RegularExpressions;
using LiteDB;
using Npgsql;
using SQLite;

namespace IaCBot.Bench.Intake;

/// <summary>
/// Reads what the killed server kept: the delivery ids it recorded, the deliveries still waiting in its intake journal
/// (the next start queues them) and the jobs in Hangfire's queue, whatever state they reached. Embedded, these are in
/// the data_dir (LiteDB <c>iacbot.db</c>: collections <c>deliveries</c> and <c>intake</c>; SQLite <c>jobs.db</c>: table
/// <c>Job</c>); with PostgreSQL, in tables <c>iacbot.deliveries</c>, <c>iacbot.intake</c> and <c>hangfire.job</c>. A job is
/// matched to its delivery by the project in its comment (<c>-p p&lt;Sequence&gt;</c>), unique per delivery.
/// </summary>
internal static partial class LossCheck
{
    public static LossReport Run(string dataDir, IReadOnlyList<Outcome> outcomes)
    {
        // Not read-only: opening replays the log file a killed server left. The server checkpoints that log as it
        // opens the file (LiteDbContext), so the check does too; what a read before the checkpoint missed is told apart.
        using var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(dataDir, "iacbot.db"), Connection = ConnectionType.Direct });
        var before = Ids(db);
        var seenBefore = before.Recorded.Union(before.Pending).Count();
        db.Checkpoint();
        var (recorded, pending) = Ids(db);
        using var jobs = new SQLiteConnection(Path.Combine(dataDir, "jobs.db"), SQLiteOpenFlags.ReadWrite);
        var report = Compare(recorded, pending, Jobs(jobs.Query<JobRow>("SELECT Id, Arguments FROM Job").Select(r => ((long)r.Id, r.Arguments))), outcomes);
        return report with { SeenOnlyAfterCheckpoint = recorded.Union(pending).Count() - seenBefore };
    }

    private static (HashSet<string> Recorded, HashSet<string> Pending) Ids(LiteDatabase db) => (
        db.GetCollection("deliveries").FindAll().Select(d => d["_id"].AsString).ToHashSet(StringComparer.Ordinal),
        db.GetCollection("intake").FindAll().Select(d => d["delivery"].AsString).ToHashSet(StringComparer.Ordinal));

    public static async Task<LossReport> RunAsync(string connectionString, IReadOnlyList<Outcome> outcomes)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var recorded = (await ColumnAsync(connection, "SELECT id FROM iacbot.deliveries")).ToHashSet(StringComparer.Ordinal);
        var pending = (await ColumnAsync(connection, "SELECT delivery_id FROM iacbot.intake")).ToHashSet(StringComparer.Ordinal);
        var rows = new List<(long, string?)>();
        await using (var command = new NpgsqlCommand("SELECT id, arguments FROM hangfire.job", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }
        }

        return Compare(recorded, pending, Jobs(rows), outcomes);
    }

    /// <summary>
    /// An accepted delivery is kept when its id is recorded with exactly one job, or when it still waits in the journal
    /// (recorded or not, a job or not: the next start queues it unless it was queued).
    /// </summary>
    private static LossReport Compare(HashSet<string> recorded, HashSet<string> pending, List<(long Id, long Sequence)> jobs, IReadOnlyList<Outcome> outcomes)
    {
        var jobsBySequence = jobs.GroupBy(j => j.Sequence).ToDictionary(g => g.Key, g => g.Count());
        var accepted = outcomes.Where(o => o.Accepted).ToList();
        var ours = outcomes.Select(o => o.Delivery.Sequence).ToHashSet();
        var lost = accepted.Count(o => !pending.Contains(o.Delivery.Id)
            && (!recorded.Contains(o.Delivery.Id) || !jobsBySequence.ContainsKey(o.Delivery.Sequence)));
        return new LossReport(
            outcomes.Count,
            accepted.Count,
            outcomes.Count(o => recorded.Contains(o.Delivery.Id)),
            outcomes.Count(o => pending.Contains(o.Delivery.Id)),
            jobs.Count(j => ours.Contains(j.Sequence)),
            lost,
            jobsBySequence.Where(kv => ours.Contains(kv.Key)).Sum(kv => kv.Value - 1));
    }

    private static List<(long Id, long Sequence)> Jobs(IEnumerable<(long Id, string? Arguments)> rows) => rows
        .Select(row => (row.Id, Match: ProjectMarker().Match(row.Arguments ?? "")))
        .Where(j => j.Match.Success)
        .Select(j => (j.Id, long.Parse(j.Match.Groups[1].Value, CultureInfo.InvariantCulture)))
        .ToList();

    private static async Task<List<string>> ColumnAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    [GeneratedRegex(@"-p p(\d+)\b")]
    private static partial Regex ProjectMarker();
}
