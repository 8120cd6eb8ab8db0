using System.Globalization;

namespace IaCBot.Bench.Overhead;

/// <summary>
/// <c>overhead [--smoke] [--repeat N] [--delay SECONDS]</c>. The full run compares N = 4 projects planned one after
/// another and N = 8 with parallel_plan (4 pool slots), each terraform call taking --delay seconds (2 by default) so
/// that the fixed costs of starting a process do not dominate. --smoke plans 2 projects with no delay, once, and
/// checks only that the plan comment names both.
/// </summary>
internal sealed record OverheadOptions(bool Smoke, int Repeat, IReadOnlyList<PlanScenario> Scenarios)
{
    public const int PoolSize = 4;

    public static OverheadOptions Parse(IReadOnlyList<string> args)
    {
        var smoke = false;
        var repeat = 3;
        var delay = 2.0;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--smoke":
                    smoke = true;
                    break;
                case "--repeat" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    repeat = n;
                    i++;
                    break;
                case "--delay" when i + 1 < args.Count && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var d) && d >= 0:
                    delay = d;
                    i++;
                    break;
                default:
                    throw new ArgumentException($"overhead: unknown or incomplete option '{args[i]}'");
            }
        }

        return smoke
            ? new OverheadOptions(true, 1, [new PlanScenario("smoke, one after another", 2, 0, Parallel: false)])
            : new OverheadOptions(false, repeat,
            [
                new PlanScenario("one after another", 4, delay, Parallel: false),
                new PlanScenario($"parallel_plan, {PoolSize} pool slots", 8, delay, Parallel: true),
            ]);
    }
}
