using IaCBot.Core.Projects;

namespace IaCBot.Core.Runs;

/// <summary>What a run without a pull request would run (its configuration and projects), or why it cannot.</summary>
public sealed record RefSelection(RunConfiguration? Configuration, IReadOnlyList<Project> Projects, RefRefusal? Refusal);
