using FakeTerraform.Config;

namespace FakeTerraform.Diagnostics;

/// <summary>The quoted source line of a diagnostic; the highlighted part is underlined when colour is on.</summary>
internal sealed record DiagnosticSnippet(SourceLine Line, string? Context, int HighlightStart, int HighlightLength);
