using IaCBot.Server.Configuration;

namespace IaCBot.Server.Jobs;

/// <summary>
/// How a stop unfolds. Running jobs get <see cref="Grace"/> to finish; then they are cancelled, which interrupts
/// terraform so it can save its state and release its lock, and kills it after <see cref="KillGrace"/>; the job then
/// records how it ended. Only after all that are the workers abandoned, and only after that does the host give up.
/// </summary>
internal sealed record ShutdownTimeouts(TimeSpan Grace, TimeSpan KillGrace)
{
    /// <summary>Time for a cancelled job to post what it has and for the queue to take the job back.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(15);

    public TimeSpan WorkersAbandonedAfter => Grace + KillGrace + Margin;

    public TimeSpan HostGivesUpAfter => WorkersAbandonedAfter + Margin;

    /// <summary>
    /// Read from the raw settings, not the validated options: the host reads its options while it is built, before
    /// the settings are checked, and a bad value must be reported by the check, not fail here. It falls back to the
    /// defaults.
    /// </summary>
    public static ShutdownTimeouts Read(IConfiguration configuration) => new(
        Duration(configuration[$"{ServerOptions.Section}:shutdown_grace"], new ServerOptions().ShutdownGrace),
        Duration(configuration[$"{TerraformOptions.Section}:kill_grace"], new TerraformOptions().KillGrace));

    private static TimeSpan Duration(string? value, string fallback) =>
        Durations.TryParse(value, out var duration) ? duration : Durations.Parse(fallback);
}
