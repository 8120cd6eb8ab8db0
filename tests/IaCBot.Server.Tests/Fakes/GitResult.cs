namespace IaCBot.Server.Tests.Fakes;

/// <summary>How a git command ended.</summary>
internal sealed record GitResult(int ExitCode, string Output, string Error);
