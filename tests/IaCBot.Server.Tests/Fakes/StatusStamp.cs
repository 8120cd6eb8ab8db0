namespace IaCBot.Server.Tests.Fakes;

/// <summary>What GitHub adds to a status it accepts: an id, a time and who posted it.</summary>
internal sealed record StatusStamp(long Id, DateTimeOffset CreatedAt, string Creator);
