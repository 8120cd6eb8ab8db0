namespace IaCBot.Server.Api;

/// <summary>The body of <c>POST /api/plan</c> and <c>POST /api/apply</c>.</summary>
/// <param name="Repository"><c>host/owner/name</c>, or <c>owner/name</c> on the GitHub host of the settings.</param>
/// <param name="Pull">The pull request to run on; without it the run is of <paramref name="Ref"/> alone (see <see cref="CommandEndpoints"/>).</param>
/// <param name="Ref">
/// With <paramref name="Pull"/>, optional: the PR's head must be this commit (or branch), so that the caller runs what it
/// means to. Without, required: the branch, tag or commit SHA to run on.
/// </param>
/// <param name="Paths">Directories to run in (as <c>-d</c>); each is one command.</param>
/// <param name="Projects">Projects of the repo config to run (as <c>-p</c>); each is one command.</param>
/// <param name="Workspace">The workspace for <paramref name="Paths"/> (as <c>-w</c>).</param>
internal sealed record CommandRequest(
    string? Repository, int? Pull, string? Ref, IReadOnlyList<string>? Paths, IReadOnlyList<string>? Projects, string? Workspace);
