using IaCBot.Core.Commands;
using IaCBot.Core.Events;
using IaCBot.Core.Runs;

namespace IaCBot.Server.Webhooks;

/// <summary>
/// Decides at intake whether a comment is worth a job: most comments on a PR are conversation, and the bot's
/// own comments must never trigger it.
/// </summary>
internal sealed class CommandPrefixFilter(CommentParser parser, BotSettings settings)
{
    public bool MayBeCommand(CommentEvent comment) =>
        !string.Equals(comment.Author, settings.BotUser, StringComparison.OrdinalIgnoreCase)
        && parser.Parse(comment.Body) is not CommentParseResult.Ignored;
}
