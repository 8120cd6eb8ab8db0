namespace IaCBot.Server.Tests.Fakes;

/// <summary>A commit status as it was posted to the fake GitHub.</summary>
public sealed record FakeStatus(string State, string Context, string Description, string? TargetUrl);
