using IaCBot.Core.Commands;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Runs;

/// <summary>What a hook runs for.</summary>
public sealed record HookRun(PullRequestInfo Pull, string Checkout, string User, CommandKind Command, IReadOnlyList<string> CommentArgs);
