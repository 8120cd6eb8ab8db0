namespace IaCBot.Core.Vcs;

/// <summary>A comment already on a pull request.</summary>
public sealed record PostedComment(long Id, string Author, string Body);
