using System.Diagnostics;

namespace IaCBot.Bench.Overhead;

/// <summary>
/// What one terraform process costs before it does anything (<c>terraform version</c>), the median of a few: the fixed
/// cost IaCBot pays again for each call it makes beyond the script's init and plan (show -json; and workspace select/new for a project outside the default workspace).
/// </summary>
internal static class BareCall
{
    public static async Task<TimeSpan> MedianAsync(string terraform, int times = 5)
    {
        var took = new List<TimeSpan>();
        for (var i = 0; i < times; i++)
        {
            var start = new ProcessStartInfo(terraform, ["version"]) { RedirectStandardOutput = true };
            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(start)!;
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            took.Add(Stopwatch.GetElapsedTime(started));
        }

        return took.Order().ElementAt(times / 2);
    }
}
