namespace IaCBot.Core.Commands;

/// <summary>The flags read so far from one command, each value checked as it is set.</summary>
internal sealed class CommandTarget
{
    public HashSet<CommandFlag> Seen { get; } = [];

    public string? Dir { get; private set; }

    public string? Workspace { get; private set; }

    public string? Project { get; private set; }

    public bool Verbose { get; set; }

    /// <summary>Checks and keeps the value of <paramref name="flag"/>; returns the error to show, or null.</summary>
    public string? Set(CommandFlag flag, string value)
    {
        switch (flag)
        {
            case CommandFlag.Dir:
                var error = TargetRules.NormaliseDir(value, out var dir);
                Dir = error is null ? dir : null;
                return error;
            case CommandFlag.Workspace:
                Workspace = value;
                return TargetRules.CheckWorkspace(value);
            default:
                Project = value;
                return TargetRules.CheckProject(value);
        }
    }

    public CommentCommand ToCommand(string name, CommandKind kind, IReadOnlyList<string> extraArgs, IReadOnlyList<string> arguments) =>
        new(name, kind, Dir, Workspace, Project, Verbose, extraArgs) { Arguments = arguments };
}
