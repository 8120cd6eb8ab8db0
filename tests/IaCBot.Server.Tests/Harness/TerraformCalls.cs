using System.Text.Json;

namespace IaCBot.Server.Tests.Harness;

/// <summary>What the fake terraform was asked to do, read from its log, for one test's data_dir only.</summary>
public static class TerraformCalls
{
    public sealed record Run(IReadOnlyList<string> Args, string Cwd)
    {
        public string Command => Args.Count > 0 ? Args[0] : "";
    }

    public static IReadOnlyList<Run> Under(string dataDir)
    {
        if (!File.Exists(FakeTerraformBinary.LogFile))
        {
            return [];
        }

        using var stream = new FileStream(FakeTerraformBinary.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var calls = new List<Run>();
        while (reader.ReadLine() is { } line)
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
                calls.Add(new Run(root.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList(), cwd));
            }
        }

        return calls;
    }
}
