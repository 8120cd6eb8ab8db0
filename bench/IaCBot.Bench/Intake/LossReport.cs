namespace IaCBot.Bench.Intake;

/// <summary>
/// Whether every delivery the server accepted (a 2xx) was kept: its id recorded and exactly one job queued for it, or
/// the delivery still waiting in the intake journal for the next start to queue it (<see cref="Pending"/>).
/// <see cref="Lost"/> counts accepted deliveries that are neither; <see cref="ExtraJobs"/> counts jobs beyond one per delivery.
/// </summary>
internal sealed record LossReport(int Sent, int Accepted, int Recorded, int Pending, int Jobs, int Lost, int ExtraJobs)
{
    public bool NoneLost => Lost == 0 && ExtraJobs == 0;

    /// <summary>Embedded mode: delivery ids a read straight after opening the killed server's file missed, and a read after LiteDB's checkpoint found.</summary>
    public int SeenOnlyAfterCheckpoint { get; init; }
}
