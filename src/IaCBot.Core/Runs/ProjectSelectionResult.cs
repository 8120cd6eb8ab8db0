using IaCBot.Core.Projects;

namespace IaCBot.Core.Runs;

/// <summary>The projects a command is about, or why there are none to run.</summary>
/// <param name="Checkout">The PR's checkout in the default workspace, where the repo config was read.</param>
/// <param name="Problem">Markdown to reply with instead of running anything; null when projects were found.</param>
public sealed record ProjectSelectionResult(string Checkout, IReadOnlyList<Project> Projects, string? Problem);
