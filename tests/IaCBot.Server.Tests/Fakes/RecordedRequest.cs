namespace IaCBot.Server.Tests.Fakes;

/// <summary>A request the fake received, whatever it answered, and when it arrived.</summary>
internal sealed record RecordedRequest(string Method, string Path, DateTimeOffset At);
