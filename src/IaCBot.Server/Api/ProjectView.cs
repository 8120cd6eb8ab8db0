namespace IaCBot.Server.Api;

/// <summary>A project of a run; <see cref="Output"/> is the end of its log (the last MiB).</summary>
internal sealed record ProjectView(string Dir, string Workspace, string? Name, string? Log, IReadOnlyList<StepView> Steps, string? Output);
