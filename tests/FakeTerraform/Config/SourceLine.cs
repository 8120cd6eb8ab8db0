namespace FakeTerraform.Config;

/// <summary>Where something was declared, kept for diagnostics that quote the line as terraform does.</summary>
internal sealed record SourceLine(string File, int Number, string Text);
