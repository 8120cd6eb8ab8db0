using System.Runtime.InteropServices;

namespace IaCBot.Bench.Reporting;

/// <summary>The machine a run was measured on, read at run time; figures mean little without it.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, double RamGiB, string Os, string DotNet, string LoadBefore, string LoadAfter)
{
    public static MachineInfo Read(string loadBefore) => new(
        CpuModel(),
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024, 1),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        loadBefore,
        LoadAverage());

    /// <summary>The 1, 5 and 15 minute load averages (Linux); other builds on the machine show up here.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The CPU's model name (Linux), else just its architecture.</summary>
    private static string CpuModel() =>
        (File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null)
        ?? RuntimeInformation.ProcessArchitecture.ToString();
}
