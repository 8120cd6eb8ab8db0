using IaCBot.Core.Access;
using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.Events;
using IaCBot.Core.Outbox;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Logging;

namespace IaCBot.Core.Runs;

/// <summary>
/// Reads a PR comment and runs the command in it. Bad commands get a reply saying what is wrong and nothing runs.
/// </summary>
public sealed partial class CommentCommandHandler(
    CommentParser parser,
    IVcsClient vcs,
    CommandGate gate,
    PullRequestLocks pullLocks,
    PlanRunner planRunner,
    ApplyRunner applyRunner,
    UnlockRunner unlockRunner,
    VersionRunner versionRunner,
    StateCommandRunner stateCommandRunner,
    PullRequestNotifier notifier,
    CommentRenderer renderer,
    BotSettings settings,
    ILogger<CommentCommandHandler> logger)
{
    public async Task HandleAsync(CommentEvent e, CancellationToken cancellationToken)
    {
        if (settings.BotUser is not null && string.Equals(e.Author, settings.BotUser, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        switch (parser.Parse(e.Body))
        {
            case CommentParseResult.Ignored:
                return;
            case CommentParseResult.HelpRequested help:
                await notifier.CommentAsync(e.Pull, CommandUsage.Help(help.CommandName, parser.AllowedCommands), cancellationToken);
                return;
            case CommentParseResult.Invalid invalid:
                LogInvalid(e.Pull, e.Author, invalid.Error);
                var usage = CommandUsage.For(invalid.Kind, invalid.CommandName);
                await notifier.CommentAsync(e.Pull, renderer.RenderInvalidCommand(invalid.Error, usage), cancellationToken);
                return;
            case CommentParseResult.Parsed parsed:
                await RunAsync(e, parsed.Command, cancellationToken);
                return;
        }
    }

    private async Task RunAsync(CommentEvent e, CommentCommand command, CancellationToken cancellationToken)
    {
        LogCommand(e.Pull, e.Author, command.Kind);
        using var held = await pullLocks.AcquireAsync(e.Pull, cancellationToken);
        var pull = await vcs.GetPullRequestAsync(e.Pull, cancellationToken);
        if (await gate.CheckAsync(e, pull, command, cancellationToken) is { } refusal)
        {
            await notifier.CommentAsync(e.Pull, refusal, cancellationToken);
            return;
        }

        if (pull.State != PullRequestState.Open && command.Kind is CommandKind.Plan or CommandKind.Apply or CommandKind.Import or CommandKind.StateRm)
        {
            await notifier.CommentAsync(e.Pull, $"This pull request is {pull.State.ToString().ToLowerInvariant()}: nothing was run.", cancellationToken);
            return;
        }

        switch (command.Kind)
        {
            case CommandKind.Plan:
                await planRunner.RunAsync(pull, e.Author, command, cancellationToken);
                break;
            case CommandKind.Apply:
                await applyRunner.RunAsync(pull, command, e.Author, cancellationToken);
                break;
            case CommandKind.Unlock:
                await unlockRunner.UnlockAsync(e.Pull, command.CommandName, cancellationToken);
                break;
            case CommandKind.Import or CommandKind.StateRm:
                await stateCommandRunner.RunAsync(pull, command, e.Author, cancellationToken);
                break;
            case CommandKind.Version:
                await versionRunner.RunAsync(pull, cancellationToken);
                break;
            case CommandKind.Help:
                await notifier.CommentAsync(e.Pull, CommandUsage.Help(command.CommandName, parser.AllowedCommands), cancellationToken);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Pull}: {User} asked for {Command}")]
    private partial void LogCommand(PullRequestRef pull, string user, CommandKind command);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Pull}: {User} wrote an invalid command: {Error}")]
    private partial void LogInvalid(PullRequestRef pull, string user, string error);
}
