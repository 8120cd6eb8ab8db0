namespace FakeTerraform.Diagnostics;

internal enum Severity
{
    Error,
    Warning,
}
