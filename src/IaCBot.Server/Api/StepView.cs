namespace IaCBot.Server.Api;

/// <summary>A step of a project in a run; <see cref="Seconds"/> is null while it runs.</summary>
internal sealed record StepView(string Name, string Status, double? Seconds);
