namespace IaCBot.Core.RunHistory;

/// <summary>One project of a run and its steps so far.</summary>
/// <param name="LogPath">Its whole output's log file, relative to data_dir (forward slashes); null when the run kept none.</param>
public sealed record ProjectRun(string Dir, string Workspace, string? Name, string? LogPath, IReadOnlyList<StepRun> Steps);
