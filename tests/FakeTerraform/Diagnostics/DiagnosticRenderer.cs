using System.Globalization;
using System.Text;
using FakeTerraform.Rendering;

namespace FakeTerraform.Diagnostics;

/// <summary>
/// Terraform's two diagnostic layouts: with colour, the message is framed by a left rule (╷ │ ╵); with
/// -no-color, terraform prints the plain form without the rule, for tools that parse its output.
/// </summary>
internal static class DiagnosticRenderer
{
    public static string Render(Diagnostic diagnostic, Colorizer color) =>
        color.Enabled ? RenderFramed(diagnostic, color) : RenderPlain(diagnostic);

    private static string RenderFramed(Diagnostic diagnostic, Colorizer color)
    {
        var tint = diagnostic.Severity == Severity.Error ? "red" : "yellow";
        var label = diagnostic.Severity == Severity.Error ? "Error: " : "Warning: ";
        var body = new StringBuilder();
        body.Append(color.Color($"[bold][{tint}]{label}[reset]"));
        body.Append(color.Color("[bold]\u0000[reset]\n\n").Replace("\u0000", diagnostic.Summary, StringComparison.Ordinal));
        AppendSnippet(body, diagnostic, color);
        AppendDetail(body, diagnostic.Detail, TextWrap.Columns - 3);

        var rule = color.Color($"[{tint}]│[reset] ");
        var framed = new StringBuilder();
        framed.Append(color.Color($"[{tint}]╷[reset]")).Append('\n');
        foreach (var line in ScanLines(body.ToString()))
        {
            framed.Append(line.Length == 0 ? rule.Trim() : rule).Append(line).Append('\n');
        }

        framed.Append(color.Color($"[{tint}]╵[reset]")).Append('\n');
        return framed.ToString();
    }

    /// <summary>Lines as Go's bufio.Scanner yields them: a final newline does not start another line.</summary>
    private static string[] ScanLines(string text)
    {
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static string RenderPlain(Diagnostic diagnostic)
    {
        var body = new StringBuilder();
        body.Append(diagnostic.Severity == Severity.Error ? "\nError: " : "\nWarning: ");
        body.Append(diagnostic.Summary).Append("\n\n");
        AppendSnippet(body, diagnostic, new Colorizer(false));
        AppendDetail(body, diagnostic.Detail, TextWrap.Columns - 1);
        return body.ToString();
    }

    private static void AppendSnippet(StringBuilder body, Diagnostic diagnostic, Colorizer color)
    {
        if (diagnostic.Address is { } address)
        {
            body.Append(CultureInfo.InvariantCulture, $"  with {address},\n");
        }

        if (diagnostic.Snippet is not { } snippet)
        {
            return;
        }

        var context = snippet.Context is null ? "" : $", in {snippet.Context}";
        body.Append(CultureInfo.InvariantCulture, $"  on {snippet.Line.File} line {snippet.Line.Number}{context}:\n");
        var code = snippet.Line.Text;
        var start = Math.Clamp(snippet.HighlightStart, 0, code.Length);
        var end = Math.Clamp(start + snippet.HighlightLength, start, code.Length);
        var highlighted = color.Color("\u0001[underline]\u0002[reset]\u0003")
            .Replace("\u0001", code[..start], StringComparison.Ordinal)
            .Replace("\u0002", code[start..end], StringComparison.Ordinal)
            .Replace("\u0003", code[end..], StringComparison.Ordinal);
        body.Append(CultureInfo.InvariantCulture, $"{snippet.Line.Number,4}: {highlighted}\n\n");
    }

    private static void AppendDetail(StringBuilder body, string detail, int width)
    {
        if (detail.Length == 0)
        {
            return;
        }

        foreach (var line in detail.Split('\n'))
        {
            body.Append(line.StartsWith(' ') ? line : TextWrap.Wrap(line, width)).Append('\n');
        }
    }
}
