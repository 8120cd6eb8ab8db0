using System.Diagnostics;
using System.Runtime.InteropServices;

namespace IaCBot.Bench.Intake;

/// <summary>
/// Blocks the calling thread until a <see cref="Stopwatch"/> timestamp, to within the kernel's timer slack (about
/// 50 µs on Linux). <c>Task.Delay</c> and the runtime's timers cannot pace a load: they run on the coarse tick, 4 ms on
/// a kernel built with HZ=250 as this machine's is, so a delay of 1 ms took 3.8 ms at the median and 4.7 ms at p90.
/// </summary>
internal static class PreciseSleep
{
    /// <summary>Stopwatch reads this clock on Linux, so its timestamps are points on it.</summary>
    private const int ClockMonotonic = 1;

    private const int AbsoluteTime = 1;

    private const int Interrupted = 4;

    private const long NanosecondsPerSecond = 1_000_000_000;

    public static void Until(long timestamp)
    {
        if (!OperatingSystem.IsLinux())
        {
            WaitCoarsely(timestamp);
            return;
        }

        var nanoseconds = (long)((Int128)timestamp * NanosecondsPerSecond / Stopwatch.Frequency);
        var until = new Timespec(nanoseconds / NanosecondsPerSecond, nanoseconds % NanosecondsPerSecond);
        // The call returns its error number; a signal cuts the sleep short, and the same absolute time is asked again.
        while (ClockNanosleep(ClockMonotonic, AbsoluteTime, in until, IntPtr.Zero) == Interrupted)
        {
        }
    }

    /// <summary>Elsewhere a wait with a timeout, good to about a millisecond.</summary>
    private static void WaitCoarsely(long timestamp)
    {
        using var never = new ManualResetEventSlim();
        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (left > TimeSpan.Zero)
        {
            never.Wait(left);
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code, which nothing else here does.
    [DllImport("libc", EntryPoint = "clock_nanosleep")]
    private static extern int ClockNanosleep(int clock, int flags, in Timespec request, IntPtr remaining);

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Timespec(long Seconds, long Nanoseconds);
}
