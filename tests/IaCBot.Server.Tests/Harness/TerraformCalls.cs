using System.Text.Json;

namespace IaCBot.Server.Tests.Harness;

/// <summary>What the fake terraform was asked to do, read from its log, for one test's data_dir only.</summary>
public static class TerraformCalls
{
    public sealed record Run(IReadOnlyList<string> Args, string Cwd, IReadOnlyDictionary<string, string?> Env)
    {
        public string Command => Args.Count > 0 ? Args[0] : "";

        /// <summary>The fake's process id, by which a test sees that a killed server left no terraform behind.</summary>
        public int Pid { get; init; }
    }

    public static IReadOnlyList<Run> Under(string dataDir)
    {
        if (!File.Exists(FakeTerraformBinary.LogFile))
        {
            return [];
        }

        var calls = new List<Run>();
        foreach (var line in ReadLines())
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            // Each run writes "start" when it begins and "end" when it ends; a killed run has only its start.
            if (root.TryGetProperty("phase", out var phase) && phase.GetString() != "start")
            {
                continue;
            }

            var cwd = root.GetProperty("cwd").GetString()!;
            if (cwd.StartsWith(dataDir, StringComparison.Ordinal))
            {
                var env = root.TryGetProperty("env", out var vars) && vars.ValueKind == JsonValueKind.Object
                    ? vars.EnumerateObject().ToDictionary(v => v.Name, v => v.Value.ValueKind == JsonValueKind.String ? v.Value.GetString() : null)
                    : [];
                var pid = root.TryGetProperty("pid", out var id) ? id.GetInt32() : 0;
                calls.Add(new Run(root.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList(), cwd, env) { Pid = pid });
            }
        }

        return calls;
    }

    /// <summary>
    /// The most runs of <paramref name="command"/> under <paramref name="dataDir"/> that were going at one moment,
    /// read from the order of their start and end lines (not from clocks).
    /// </summary>
    public static int MostAtOnce(string dataDir, string command)
    {
        var running = 0;
        var most = 0;
        foreach (var line in ReadLines().Where(l => l.Length > 0))
        {
            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            var args = root.GetProperty("args");
            if (!root.GetProperty("cwd").GetString()!.StartsWith(dataDir, StringComparison.Ordinal)
                || args.GetArrayLength() == 0 || args[0].GetString() != command)
            {
                continue;
            }

            running += root.GetProperty("phase").GetString() == "start" ? 1 : -1;
            most = Math.Max(most, running);
        }

        return most;
    }

    /// <summary>The log's lines; the fake locks the file while it appends, so a read that meets the lock tries again.</summary>
    private static string[] ReadLines()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var stream = new FileStream(FakeTerraformBinary.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd().Split('\n');
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                // The fake holds the file only for the moment of one append; a loaded machine may take a while.
                Thread.Yield();
            }
        }
    }
}
