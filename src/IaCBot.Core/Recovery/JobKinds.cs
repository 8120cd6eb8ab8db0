using IaCBot.Core.Commands;
using IaCBot.Core.Events;
using IaCBot.Core.Storage;

namespace IaCBot.Core.Recovery;

/// <summary>The <see cref="JobKind"/> of a queued event, recorded when its job starts.</summary>
public static class JobKinds
{
    public static JobKind For(PullRequestAction action) =>
        action == PullRequestAction.Closed ? JobKind.Unlock : JobKind.Autoplan;

    /// <summary>
    /// A command this version does not know here is <see cref="JobKind.Other"/>, which is never run again by itself:
    /// a new command that changes infrastructure must not be repeated after a crash by default.
    /// </summary>
    public static JobKind For(CommentParseResult parsed) => parsed switch
    {
        CommentParseResult.Parsed { Command.Kind: var kind } => kind switch
        {
            CommandKind.Plan => JobKind.Plan,
            CommandKind.Apply => JobKind.Apply,
            CommandKind.Import => JobKind.Import,
            CommandKind.StateRm => JobKind.StateRm,
            CommandKind.Unlock => JobKind.Unlock,
            _ => JobKind.Other,
        },
        _ => JobKind.Other,
    };
}
