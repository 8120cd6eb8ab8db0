using System.Globalization;
using FakeTerraform.Diagnostics;
using FakeTerraform.Rendering;

namespace FakeTerraform.Commands;

/// <summary>
/// The two ways terraform commands print. Plan, apply and show use "views": errors to stderr, warnings to
/// stdout. Init and workspace use the older UI: every line ends with a newline, errors are tinted red and
/// warnings yellow, both on stderr.
/// </summary>
internal sealed class CommandOutput(RunContext context, Colorizer color)
{
    public Colorizer Color { get; } = color;

    public void Print(string text) => context.Out.Write(text);

    public void Line(string text) => context.Out.Write(text + "\n");

    /// <summary>A UI hook line: the markup is coloured first and the values go in after, as terraform's hooks do.</summary>
    public void Hook(string markup, params string[] values) =>
        Line(string.Format(CultureInfo.InvariantCulture, Color.Color(markup), values));

    public void ViewDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Severity == Severity.Error ? 0 : 1))
        {
            var text = DiagnosticRenderer.Render(diagnostic, Color);
            (diagnostic.Severity == Severity.Error ? context.Err : context.Out).Write(text);
        }
    }

    /// <summary>Shown after flag errors in plan and apply.</summary>
    public void HelpPrompt(string command) =>
        context.Err.Write($"\nFor more help on using this command, run:\n  terraform {command} -help\n");

    public void UiError(string message) => context.Err.Write(Color.Color("[red]" + message) + "\n");

    public void UiWarn(string message) => context.Err.Write(Color.Color("[yellow]" + message) + "\n");

    public void UiDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var text = DiagnosticRenderer.Render(diagnostic, Color);
            if (diagnostic.Severity == Severity.Error)
            {
                UiError(text);
            }
            else
            {
                UiWarn(text);
            }
        }
    }
}
