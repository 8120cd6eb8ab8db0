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

    /// <summary>The first comment that matches; at the deadline, fails listing the comments seen on <paramref name="where"/>.</summary>
    public static Task<FakeComment> CommentAsync(
        Func<IReadOnlyList<FakeComment>> read, Func<FakeComment, bool> match, TimeSpan timeout, string where) =>
        UntilAsync(read, match, timeout, seen =>
            $"No matching comment on {where} within {timeout.TotalSeconds:0.#} s. {seen.Count} seen:"
            + string.Concat(seen.Select(c => $"\n--- {c.Id} by {c.User}:\n{Shorten(c.Body)}")));

    /// <summary>The first status that matches; at the deadline, fails listing the statuses seen on <paramref name="where"/>.</summary>
    public static Task<FakeStatus> StatusAsync(
        Func<IReadOnlyList<FakeStatus>> read, Func<FakeStatus, bool> match, TimeSpan timeout, string where) =>
        UntilAsync(read, match, timeout, seen =>
            $"No matching status on {where} within {timeout.TotalSeconds:0.#} s. {seen.Count} seen:"
            + string.Concat(seen.Select(s => $"\n  {s.Context}: {s.State} \"{s.Description}\" {s.TargetUrl}")));

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500] + $"… ({text.Length} characters)";
}
