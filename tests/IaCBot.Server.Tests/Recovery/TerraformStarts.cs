using IaCBot.Server.Tests.Fakes;
using IaCBot.Server.Tests.Harness;

namespace IaCBot.Server.Tests.Recovery;

/// <summary>
/// Waits on the fake terraform's log while other tests' fakes append to it: a read that meets an append's lock is
/// simply a read with nothing new yet.
/// </summary>
internal static class TerraformStarts
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    /// <summary>The <paramref name="count"/>th start of <paramref name="command"/> under <paramref name="dataDir"/>.</summary>
    public static Task<TerraformCalls.Run> NthAsync(string dataDir, string command, int count) =>
        DeadlineWait.UntilAsync(
            () => Read(dataDir).Where(r => r.Command == command).Skip(count - 1).ToList(), _ => true, Cap,
            _ => $"terraform {command} did not start {count} times: {string.Join(", ", Read(dataDir).Select(r => r.Command))}");

    /// <summary>
    /// The first start of <paramref name="command"/> under any of <paramref name="dataDirs"/>, and which: replicas share
    /// one job queue, so the replica that took a request is not always the one whose worker runs its job.
    /// </summary>
    public static Task<(string DataDir, TerraformCalls.Run Run)> FirstUnderAnyAsync(string command, params string[] dataDirs) =>
        DeadlineWait.UntilAsync(
            () => dataDirs.SelectMany(dir => Read(dir).Where(r => r.Command == command).Select(r => (dir, r))).ToList(), _ => true, Cap,
            _ => $"terraform {command} did not start under any of {string.Join(", ", dataDirs)}");

    /// <summary>Every start under <paramref name="dataDir"/>, read once the log is free.</summary>
    public static async Task<IReadOnlyList<TerraformCalls.Run>> AllAsync(string dataDir)
    {
        while (true)
        {
            if (TryRead(dataDir) is { } runs)
            {
                return runs;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>A killed server must not leave its terraform running, still holding a state lock.</summary>
    public static Task GoneAsync(int pid) =>
        DeadlineWait.UntilAsync(() => ServerProcess.IsRunning(pid) ? [] : new[] { pid }, _ => true, TimeSpan.FromSeconds(10),
            _ => $"terraform (pid {pid}) outlived the server that was killed");

    private static IReadOnlyList<TerraformCalls.Run> Read(string dataDir) => TryRead(dataDir) ?? [];

    private static IReadOnlyList<TerraformCalls.Run>? TryRead(string dataDir)
    {
        try
        {
            return TerraformCalls.Under(dataDir);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
