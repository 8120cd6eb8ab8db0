using IaCBot.Core.Projects;

namespace IaCBot.Core.Runs;

/// <summary>The projects a command is about, or why there are none to run.</summary>
/// <param name="Configuration">The configuration they run under; null when it could not be read.</param>
/// <param name="Problem">Markdown to reply with instead of running anything; null when projects were found.</param>
public sealed record ProjectSelectionResult(RunConfiguration? Configuration, IReadOnlyList<Project> Projects, string? Problem);
