using System.Globalization;

namespace IaCBot.Bench.Memory;

/// <summary>A process's resident set as Linux reports it (VmRSS in /proc/&lt;pid&gt;/status), in MiB.</summary>
internal static class ResidentMemory
{
    public static double MiBOf(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kib = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return Math.Round(kib / 1024.0, 1);
    }
}
