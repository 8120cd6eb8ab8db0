using IaCBot.Core.Commands;
using IaCBot.Core.Events;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Logging;

namespace IaCBot.Core.Access;

/// <summary>What a comment command must pass before it runs: the PR is not a refused fork, the commenter may run
/// it, and applies are not disabled. The first check that fails gives the reply.</summary>
public sealed partial class CommandGate(
    ForkPolicy forks, PermissionChecker permissions, ApplyLockGuard applyLock, ILogger<CommandGate> logger)
{
    /// <summary>The reply that refuses the command, or null when it may run.</summary>
    public async Task<string?> CheckAsync(CommentEvent e, PullRequestInfo pull, CommentCommand command, CancellationToken cancellationToken)
    {
        if (command.Kind == CommandKind.Help)
        {
            return null;
        }

        var refusal = forks.Refusal(pull, $"{command.CommandName} {CommandWords.Of(command.Kind)}")
            ?? (e.ViaApi ? null : await permissions.CheckAsync(pull.Ref.Repo, e.Author, command, cancellationToken))
            ?? await applyLock.CheckAsync(command, cancellationToken);
        if (refusal is not null)
        {
            LogRefused(e.Pull, e.Author, command.Kind);
        }

        return refusal;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Pull}: {Command} by {User} refused")]
    private partial void LogRefused(PullRequestRef pull, string user, CommandKind command);
}
