namespace IaCBot.Core.RepoConfig;

/// <summary>One step of a workflow stage.</summary>
public abstract record WorkflowStep
{
    private WorkflowStep()
    {
    }

    /// <summary><c>- plan</c>, or <c>- plan: {extra_args: [...]}</c>.</summary>
    public sealed record BuiltIn(BuiltInStep Kind, IReadOnlyList<string> ExtraArgs) : WorkflowStep;

    /// <summary>A custom command run through a shell (<c>sh -c</c> unless <see cref="Shell"/> says otherwise).</summary>
    /// <param name="OutputFilters">Regexes whose matches are masked in the comment (<c>filter_regex</c>).</param>
    public sealed record Run(string Command, string? Shell, IReadOnlyList<string> ShellArgs, RunOutput Output, IReadOnlyList<string> OutputFilters)
        : WorkflowStep;

    /// <summary>Sets one environment variable for the steps after it, to <see cref="Value"/> or to <see cref="Command"/>'s output.</summary>
    public sealed record Env(string Name, string? Value, string? Command, string? Shell, IReadOnlyList<string> ShellArgs) : WorkflowStep;

    /// <summary>Runs a command that prints <c>NAME=value,NAME2=value2</c> and sets those variables for the steps after it.</summary>
    public sealed record MultiEnv(string Command, string? Shell, IReadOnlyList<string> ShellArgs, RunOutput Output) : WorkflowStep;
}
