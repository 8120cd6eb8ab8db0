namespace IaCBot.Server.GitHostHttp;

/// <summary>How long one call to a Git host's API may take, and the longest pause it asks for that a read waits out.</summary>
internal sealed record GitHostHttpLimits(TimeSpan AttemptTimeout, TimeSpan MaxWait);
