using IaCBot.Core.Commands;
using IaCBot.Core.Outbox;
using IaCBot.Core.Processes;
using IaCBot.Core.RunLogs;
using IaCBot.Core.ServerConfig;
using IaCBot.Core.Terraform;
using IaCBot.Core.Vcs;
using IaCBot.Core.Workflows;
using Microsoft.Extensions.Logging;

namespace IaCBot.Core.Runs;

/// <summary>
/// The server's <c>pre_workflow_hooks</c> and <c>post_workflow_hooks</c>: commands from repos.yaml run in the repo
/// root before and after a command, each with a commit status of its own. Their output is logged, not posted;
/// a failing hook does not stop the command, as in Atlantis by default. The run's hook log has their whole output.
/// </summary>
public sealed partial class WorkflowHooks(
    IProcessRunner processes, TerraformRunner terraform, PullRequestNotifier notifier, RunLog runLog, ILogger<WorkflowHooks> logger)
{
    public Task RunPreAsync(IReadOnlyList<WorkflowHook> hooks, HookRun run, CancellationToken cancellationToken) =>
        RunAsync(hooks, "pre_workflow_hook", run, cancellationToken);

    public Task RunPostAsync(IReadOnlyList<WorkflowHook> hooks, HookRun run, CancellationToken cancellationToken) =>
        RunAsync(hooks, "post_workflow_hook", run, cancellationToken);

    private async Task RunAsync(IReadOnlyList<WorkflowHook> hooks, string kind, HookRun run, CancellationToken cancellationToken)
    {
        var command = CommandWord(run.Command);
        foreach (var hook in hooks.Where(h => AppliesTo(h, command)))
        {
            var context = $"iacbot/{kind}";
            var description = hook.Description ?? hook.Command;
            await SetStatusAsync(run.Pull, context, CommitState.Pending, description, cancellationToken);
            var arguments = hook.ShellArgs.Count > 0 ? [.. hook.ShellArgs, hook.Command] : new[] { "-c", hook.Command };
            var spec = new ProcessSpec(
                hook.Shell ?? "sh", arguments, run.Checkout, terraform.Timeout, Environment(run, command), terraform.Secrets, LogFile: runLog.ForHooks(run.Pull.Ref)?.Path);
            var result = await processes.RunAsync(spec, cancellationToken);
            LogHook(kind, run.Pull.Ref, hook.Command, result.ExitCode, result.Output);
            await SetStatusAsync(run.Pull, context, result.Succeeded ? CommitState.Success : CommitState.Failure, description, cancellationToken);
        }
    }

    private static bool AppliesTo(WorkflowHook hook, string command) =>
        string.IsNullOrWhiteSpace(hook.Commands)
        || hook.Commands.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(command, StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, string?> Environment(HookRun run, string command)
    {
        var pull = run.Pull;
        var headRepo = pull.HeadRepo ?? pull.Ref.Repo;
        return new Dictionary<string, string?>
        {
            ["BASE_REPO_NAME"] = pull.Ref.Repo.Name,
            ["BASE_REPO_OWNER"] = pull.Ref.Repo.Owner,
            ["HEAD_REPO_NAME"] = headRepo.Name,
            ["HEAD_REPO_OWNER"] = headRepo.Owner,
            ["HEAD_BRANCH_NAME"] = pull.HeadBranch,
            ["HEAD_COMMIT"] = pull.HeadSha,
            ["BASE_BRANCH_NAME"] = pull.BaseBranch,
            ["PULL_NUM"] = pull.Ref.Number.ToString(),
            ["PULL_URL"] = pull.HtmlUrl,
            ["PULL_AUTHOR"] = pull.Author,
            ["DIR"] = run.Checkout,
            ["USER_NAME"] = run.User,
            ["COMMENT_ARGS"] = AtlantisEnvironment.EscapeCommentArgs(run.CommentArgs),
            ["COMMAND_NAME"] = command,
        };
    }

    private static string CommandWord(CommandKind kind) => kind switch
    {
        CommandKind.StateRm => "state",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private Task SetStatusAsync(PullRequestInfo pull, string context, CommitState state, string description, CancellationToken cancellationToken) =>
        notifier.SetStatusAsync(pull.Ref, pull.HeadSha, new CommitStatus(context, state, description), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} for {Pull} `{Command}` ended with {ExitCode}:\n{Output}")]
    private partial void LogHook(string kind, PullRequestRef pull, string command, int exitCode, string output);
}
