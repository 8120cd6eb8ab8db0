namespace IaCBot.Server.Tests.Fakes;

/// <summary>A comment with the time GitHub would stamp on it.</summary>
internal sealed record StoredComment(FakeComment Comment, DateTimeOffset CreatedAt);
