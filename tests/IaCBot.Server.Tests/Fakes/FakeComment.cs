namespace IaCBot.Server.Tests.Fakes;

/// <summary>A comment on an issue or PR as the fake GitHub holds it.</summary>
public sealed record FakeComment(long Id, string User, string Body);
