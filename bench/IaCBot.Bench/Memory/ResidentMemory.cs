using System.Globalization;

namespace IaCBot.Bench.Memory;

/// <summary>A process's memory as Linux reports it in /proc/&lt;pid&gt;/status, in MiB.</summary>
internal static class ResidentMemory
{
    /// <summary>VmRSS: resident now.</summary>
    public static double MiBOf(int pid) => Read(pid, "VmRSS:");

    /// <summary>VmHWM: the most it was ever resident, since it started.</summary>
    public static double PeakMiBOf(int pid) => Read(pid, "VmHWM:");

    private static double Read(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        var kib = long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return Math.Round(kib / 1024.0, 1);
    }
}
