using System.Globalization;
using System.Text.RegularExpressions;
using LiteDB;
using SQLite;

namespace IaCBot.Bench.Intake;

/// <summary>
/// Reads the killed server's data_dir: the delivery ids in LiteDB (<c>iacbot.db</c>, collection <c>deliveries</c>) and
/// the jobs in Hangfire's SQLite queue (<c>jobs.db</c>, table <c>Job</c>), whatever state they reached. A job is matched
/// to its delivery by the project in its comment (<c>-p p&lt;Sequence&gt;</c>), unique per delivery.
/// </summary>
internal static partial class LossCheck
{
    public static LossReport Run(string dataDir, IReadOnlyList<Outcome> outcomes)
    {
        var recorded = RecordedDeliveryIds(Path.Combine(dataDir, "iacbot.db"));
        var jobs = QueuedJobs(Path.Combine(dataDir, "jobs.db"));
        var jobsBySequence = jobs.GroupBy(j => j.Sequence).ToDictionary(g => g.Key, g => g.Select(j => j.Id).ToList());
        var accepted = outcomes.Where(o => o.Accepted).ToList();
        var ours = outcomes.Select(o => o.Delivery.Sequence).ToHashSet();
        var lost = accepted.Count(o => !recorded.Contains(o.Delivery.Id) || !jobsBySequence.ContainsKey(o.Delivery.Sequence));
        var wrongIds = accepted.Count(o => jobsBySequence.TryGetValue(o.Delivery.Sequence, out var ids) && !ids.Contains(o.JobId ?? ""));
        return new LossReport(
            outcomes.Count,
            accepted.Count,
            outcomes.Count(o => recorded.Contains(o.Delivery.Id)),
            jobs.Count(j => ours.Contains(j.Sequence)),
            lost,
            jobsBySequence.Where(kv => ours.Contains(kv.Key)).Sum(kv => kv.Value.Count - 1),
            wrongIds);
    }

    private static HashSet<string> RecordedDeliveryIds(string path)
    {
        // Not read-only: opening replays the log file a killed server left, as the server's next start would.
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        return db.GetCollection("deliveries").FindAll().Select(d => d["_id"].AsString).ToHashSet(StringComparer.Ordinal);
    }

    private static List<(string Id, long Sequence)> QueuedJobs(string path)
    {
        using var db = new SQLiteConnection(path, SQLiteOpenFlags.ReadWrite);
        return db.Query<JobRow>("SELECT Id, Arguments FROM Job")
            .Select(row => (Id: row.Id.ToString(CultureInfo.InvariantCulture), Match: ProjectMarker().Match(row.Arguments ?? "")))
            .Where(j => j.Match.Success)
            .Select(j => (j.Id, long.Parse(j.Match.Groups[1].Value, CultureInfo.InvariantCulture)))
            .ToList();
    }

    [GeneratedRegex(@"-p p(\d+)\b")]
    private static partial Regex ProjectMarker();
}
