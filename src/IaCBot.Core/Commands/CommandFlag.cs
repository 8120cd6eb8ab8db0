namespace IaCBot.Core.Commands;

/// <summary>A flag of <c>plan</c>, <c>apply</c>, <c>version</c>, <c>import</c> and <c>state rm</c>.</summary>
internal enum CommandFlag
{
    Dir,
    Workspace,
    Project,
    Verbose,
}
