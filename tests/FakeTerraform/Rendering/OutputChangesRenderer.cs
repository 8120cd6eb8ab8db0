using FakeTerraform.Planning;

namespace FakeTerraform.Rendering;

/// <summary>The lines under "Changes to Outputs:", aligned on the longest output name as terraform does.</summary>
internal static class OutputChangesRenderer
{
    public static string Render(IReadOnlyList<OutputChange> changes, Colorizer color)
    {
        var shown = changes.Where(c => c.Action != ChangeAction.NoOp).ToList();
        var width = changes.Count == 0 ? 0 : changes.Max(c => c.Name.Length);
        return string.Join('\n', shown.Select(c =>
            $"{color.Color(ActionSymbols.Markup(c.Action))} {c.Name.PadRight(width)} = {Value(c, color)}"));
    }

    private static string Value(OutputChange change, Colorizer color) =>
        change.Sensitive
            ? "(sensitive value)" + (change.Action == ChangeAction.Delete ? color.Color(" [dark_gray]-> null[reset]") : "")
            : ValueRenderer.Change(change.Action, change.Before, change.After, color);
}
