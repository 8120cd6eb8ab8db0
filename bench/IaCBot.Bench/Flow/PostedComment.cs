namespace IaCBot.Bench.Flow;

/// <summary>A comment the server posted, with when the stub received it (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
internal sealed record PostedComment(long Id, string Body, long ReceivedAt);
