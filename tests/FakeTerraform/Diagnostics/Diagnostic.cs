namespace FakeTerraform.Diagnostics;

internal sealed record Diagnostic(
    Severity Severity,
    string Summary,
    string Detail,
    string? Address = null,
    DiagnosticSnippet? Snippet = null)
{
    public static Diagnostic Error(string summary, string detail) => new(Severity.Error, summary, detail);

    public static Diagnostic Warning(string summary, string detail) => new(Severity.Warning, summary, detail);
}
