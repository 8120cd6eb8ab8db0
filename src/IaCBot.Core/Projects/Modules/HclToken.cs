namespace IaCBot.Core.Projects.Modules;

/// <summary>
/// One token of a <c>*.tf</c> file. <see cref="Text"/> is the name of an identifier, or the value of a quoted
/// string without interpolation; it is null for a string holding a template (<c>${...}</c>) and for a heredoc.
/// </summary>
internal readonly record struct HclToken(HclTokenKind Kind, string? Text = null);
