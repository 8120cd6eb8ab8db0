namespace IaCBot.Core.ServerConfig;

/// <summary>
/// One entry of <c>pre_workflow_hooks</c> or <c>post_workflow_hooks</c>: a command run before or after IaCBot handles a
/// pull request's command, outside any project (see Atlantis' "Pre Workflow Hooks").
/// </summary>
/// <param name="Command">The <c>run</c> text, given to the shell as one argument.</param>
/// <param name="Shell">The shell to run it with; null means <c>sh</c>.</param>
/// <param name="ShellArgs">The shell's arguments before the command; empty means <c>-c</c>.</param>
/// <param name="Commands">The <c>commands</c> text (such as <c>plan, apply</c>); null means the hook runs for every command.</param>
public sealed record WorkflowHook(string Command, string? Description, string? Shell, IReadOnlyList<string> ShellArgs, string? Commands);
