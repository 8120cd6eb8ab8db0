namespace IaCBot.Core.Commands;

/// <summary>A command read from a PR comment, such as <c>iacbot plan -d infra -- -var x=1</c>.</summary>
/// <param name="CommandName">The prefix the user typed (<c>iacbot</c> or <c>atlantis</c>), so replies speak the same way.</param>
/// <param name="Dir">The <c>-d</c> directory, relative to the repo root and normalised (<c>.</c> for the root), or null.</param>
/// <param name="ExtraArgs">Arguments after <c>--</c>, passed to terraform as separate arguments, never through a shell.</param>
public sealed record CommentCommand(
    string CommandName,
    CommandKind Kind,
    string? Dir,
    string? Workspace,
    string? Project,
    bool Verbose,
    IReadOnlyList<string> ExtraArgs)
{
    /// <summary>True when the command names no project, dir or workspace: it means every project of the PR.</summary>
    public bool TargetsAll => Dir is null && Workspace is null && Project is null;

    /// <summary>
    /// The checked positional arguments for terraform: <c>[ADDRESS, ID]</c> for <see cref="CommandKind.Import"/>, the
    /// addresses for <see cref="CommandKind.StateRm"/> (without the word <c>rm</c>), empty for every other command.
    /// </summary>
    /// <remarks>They go to terraform after <see cref="ExtraArgs"/>, since terraform reads its flags before them.</remarks>
    public IReadOnlyList<string> Arguments { get; init; } = [];
}
