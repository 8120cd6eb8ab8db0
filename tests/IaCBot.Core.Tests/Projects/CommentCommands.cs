using IaCBot.Core.Commands;

namespace IaCBot.Core.Tests.Projects;

/// <summary>Comment commands as the parser would produce them, for the project finder's tests.</summary>
internal static class CommentCommands
{
    public static CommentCommand Plan(string? dir = null, string? workspace = null, string? project = null) =>
        new("iacbot", CommandKind.Plan, dir, workspace, project, Verbose: false, ExtraArgs: []);
}
