namespace IaCBot.Server.Tests.Fakes;

/// <summary>A request the fake received, whatever it answered.</summary>
internal sealed record RecordedRequest(string Method, string Path);
