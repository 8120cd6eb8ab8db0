using System.Diagnostics;

namespace IaCBot.Infrastructure.Processes;

/// <summary>
/// A process's descendants, read from /proc. Taken just before a timed-out program is interrupted, so that
/// children it leaves behind when it exits (a script's background jobs) can be ended too: once their parent has
/// gone, nothing else would find them.
/// </summary>
internal static class ProcessTree
{
    public static IReadOnlyList<int> Descendants(int root)
    {
        if (!OperatingSystem.IsLinux())
        {
            return [];
        }

        var children = ParentsById().GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToList());
        var found = new List<int>();
        var pending = new Queue<int>([root]);
        while (pending.TryDequeue(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                found.Add(child);
                pending.Enqueue(child);
            }
        }

        return found;
    }

    public static void Kill(IEnumerable<int> pids)
    {
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }
    }

    private static Dictionary<int, int> ParentsById()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat is "pid (comm) state ppid ...", and comm may hold spaces and parentheses.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1]);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while we looked.
            }
        }

        return parents;
    }
}
