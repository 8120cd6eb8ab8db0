namespace IaCBot.Core.Git;

/// <summary>A git command failed. The message holds git's own words with any credential masked.</summary>
public sealed class GitException(string message) : Exception(message);
