using System.Diagnostics;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// Polls state until something matches or a deadline passes. The deadline is a cap on waiting, not a timing
/// assertion: a slow machine only makes a passing test slower.
/// </summary>
internal static class DeadlineWait
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task<T> UntilAsync<T>(
        Func<IReadOnlyList<T>> read, Func<T, bool> match, TimeSpan timeout, Func<IReadOnlyList<T>, string> describeMiss)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var seen = read();
            foreach (var item in seen)
            {
                if (match(item))
                {
                    return item;
                }
            }

            if (clock.Elapsed >= timeout)
            {
                throw new TimeoutException(describeMiss(seen));
            }

            await Task.Delay(PollInterval);
        }
    }
}
