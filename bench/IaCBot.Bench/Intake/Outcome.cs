namespace IaCBot.Bench.Intake;

/// <summary>
/// How the server answered one delivery. <paramref name="Latency"/> runs from when it was due to be sent to the end of
/// the answer; <paramref name="Late"/> is the part of it before this benchmark began to send it.
/// </summary>
internal sealed record Outcome(Delivery Delivery, int? Status, TimeSpan Latency, TimeSpan Late, bool TimedOut, string? JobId, string? Error)
{
    public bool Accepted => Status is >= 200 and < 300;
}
