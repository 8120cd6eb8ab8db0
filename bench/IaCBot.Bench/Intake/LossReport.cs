namespace IaCBot.Bench.Intake;

/// <summary>
/// Whether every delivery the server accepted (a 2xx) was kept: its id recorded in the deliveries collection and
/// exactly one job queued for it, the job the answer named. <see cref="Lost"/> counts accepted deliveries missing
/// either; <see cref="ExtraJobs"/> counts jobs beyond one per delivery.
/// </summary>
internal sealed record LossReport(int Sent, int Accepted, int Recorded, int Jobs, int Lost, int ExtraJobs, int WrongJobIds)
{
    public bool NoneLost => Lost == 0 && ExtraJobs == 0 && WrongJobIds == 0;
}
