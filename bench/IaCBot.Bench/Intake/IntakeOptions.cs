using System.Globalization;

namespace IaCBot.Bench.Intake;

/// <summary>
/// The workload. <c>--smoke</c> is CI's check: a few deliveries, correctness only.
/// </summary>
/// <param name="PerLevel">Deliveries sent at each closed-loop concurrency level.</param>
/// <param name="PullRequests">How many PRs the comments are spread over.</param>
/// <param name="Keep">Leave the server's data_dir and log behind, for a look at what it did.</param>
/// <param name="WorkDir">Where the server's data_dir is made (default: the temp directory), e.g. a tmpfs to take the disk out.</param>
/// <param name="Postgres">storage:provider postgres (see <see cref="Server.BenchPostgres"/>) instead of the embedded files.</param>
internal sealed record IntakeOptions(
    bool Smoke,
    IReadOnlyList<int> Levels,
    int PerLevel,
    int Burst,
    int Rate,
    int Seconds,
    int Warmup,
    int PullRequests,
    bool Keep = false,
    string? WorkDir = null,
    bool Postgres = false)
{
    public static readonly IntakeOptions Full = new(false, [1, 8, 32, 64], 1000, 500, 500, 10, 1000, 200);

    public static readonly IntakeOptions SmokeRun = new(true, [8], 50, 0, 0, 0, 0, 20);

    /// <summary>Reads <c>[--smoke] [--levels 1,8,32,64] [--per-level N] [--burst N] [--rate N] [--seconds N] [--keep] [--work-dir DIR] [--storage litedb|postgres]</c>.</summary>
    public static IntakeOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--smoke") ? SmokeRun : Full;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Value(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--smoke" => options,
                "--keep" => options with { Keep = true },
                "--work-dir" => options with { WorkDir = Value() },
                "--storage" => options with { Postgres = Value() switch
                {
                    "postgres" => true,
                    "litedb" => false,
                    var other => throw new ArgumentException($"--storage is litedb or postgres, not '{other}'."),
                } },
                "--levels" => options with { Levels = [.. Value().Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
                "--per-level" => options with { PerLevel = Number() },
                "--burst" => options with { Burst = Number() },
                "--rate" => options with { Rate = Number() },
                "--seconds" => options with { Seconds = Number() },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'."),
            };
        }

        return options;
    }
}
