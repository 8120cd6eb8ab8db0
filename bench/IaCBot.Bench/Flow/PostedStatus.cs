namespace IaCBot.Bench.Flow;

/// <summary>A commit status the server set, with when the stub received it (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
internal sealed record PostedStatus(string Sha, string Context, string State, string Description, long ReceivedAt);
