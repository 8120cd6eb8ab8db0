using System.Diagnostics;
using IaCBot.Core.Projects;

namespace IaCBot.Bench.Monorepo;

/// <summary>The timed choices of one case in one mode: wall time and the process's processor time of each.</summary>
internal sealed class ChoiceSamples(string mode, MonorepoCase monorepoCase)
{
    private readonly List<TimeSpan> walls = [];
    private TimeSpan cpu;

    public MonorepoCase Case => monorepoCase;

    /// <summary>One choice of projects in <paramref name="root"/>, checked against the expected count.</summary>
    public void Time(string root)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var selected = Choose(monorepoCase, root);
        walls.Add(clock.Elapsed);
        cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Check(monorepoCase, selected);
    }

    public Timings Summary() => Timings.Of(mode, monorepoCase.Name, monorepoCase.Expected, walls, cpu / walls.Count);

    /// <summary>An untimed choice, to let the JIT compile and tier up what the timed ones run.</summary>
    public static void WarmUp(MonorepoCase monorepoCase, string root) => Check(monorepoCase, Choose(monorepoCase, root));

    private static int Choose(MonorepoCase c, string root) => ProjectFinder.FindForChanges([c.ChangedFile], c.Config, root, "main").Count;

    private static void Check(MonorepoCase c, int selected)
    {
        if (selected != c.Expected)
        {
            throw new InvalidOperationException($"{c.Name}: chose {selected} projects, expected {c.Expected}.");
        }
    }
}
