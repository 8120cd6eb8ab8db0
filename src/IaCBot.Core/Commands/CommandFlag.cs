namespace IaCBot.Core.Commands;

/// <summary>A flag of <c>plan</c>, <c>apply</c> and <c>version</c>.</summary>
internal enum CommandFlag
{
    Dir,
    Workspace,
    Project,
    Verbose,
}
