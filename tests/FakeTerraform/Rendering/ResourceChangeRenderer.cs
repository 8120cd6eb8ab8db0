using System.Text;
using FakeTerraform.Config;
using FakeTerraform.Planning;

namespace FakeTerraform.Rendering;

/// <summary>
/// One "# ADDR will be ..." block of the plan. As in terraform, attributes are sorted, aligned on the longest
/// name, null on both sides left out, and unchanged ones hidden except id, name and tags.
/// </summary>
internal static class ResourceChangeRenderer
{
    private const string Indent = "    ";

    public static string Render(ResourceChange change, Colorizer color)
    {
        var text = new StringBuilder();
        text.Append(color.Color(Comment(change)));
        text.Append(color.Color(ActionSymbols.Markup(change.Action)))
            .Append($" resource \"{change.Type}\" \"{change.Name}\" ")
            .Append(Block(change, color));
        return text.ToString();
    }

    private static string Comment(ResourceChange change) => change.Action switch
    {
        ChangeAction.Create => $"[bold]  # {change.Address}[reset] will be created\n",
        ChangeAction.Update => $"[bold]  # {change.Address}[reset] will be updated in-place\n",
        _ when change.ActionReason == "delete_because_no_resource_config" =>
            $"[bold]  # {change.Address}[reset] will be [bold][red]destroyed[reset]\n  # (because {change.Address} is not in configuration)\n",
        _ => $"[bold]  # {change.Address}[reset] will be [bold][red]destroyed[reset]\n",
    };

    private static string Block(ResourceChange change, Colorizer color)
    {
        var attributes = change.Before?.Keys.Union(change.After?.Keys ?? []) ?? change.After?.Keys ?? [];
        var shown = attributes
            .Select(name => (Name: name, Before: Side(change.Before, name), After: Side(change.After, name)))
            .Where(a => !(a.Before.IsNull && a.After.IsNull))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        var width = shown.Count == 0 ? 0 : shown.Max(a => a.Name.Length);
        var text = new StringBuilder("{\n");
        var unchanged = 0;
        foreach (var (name, before, after) in shown)
        {
            var action = AttributeAction(change.Action, before, after);
            if (action == ChangeAction.NoOp && name is not ("id" or "name" or "tags"))
            {
                unchanged++;
                continue;
            }

            var beforeValue = change.Before is null ? null : before;
            var afterValue = change.After is null ? null : after;
            text.Append(Indent).Append(Symbol(action, color)).Append(name.PadRight(width)).Append(" = ")
                .Append(ValueRenderer.Change(action, beforeValue, afterValue, color)).Append('\n');
        }

        if (unchanged > 0)
        {
            var noun = unchanged == 1 ? "attribute" : "attributes";
            text.Append(Indent).Append(Symbol(ChangeAction.NoOp, color))
                .Append(color.Color($"[dark_gray]# ({unchanged} unchanged {noun} hidden)[reset]")).Append('\n');
        }

        return text.Append(Symbol(ChangeAction.NoOp, color)).Append('}').ToString();
    }

    private static TfValue Side(IReadOnlyDictionary<string, TfValue>? values, string name) =>
        values?.GetValueOrDefault(name) ?? TfValue.Null;

    private static ChangeAction AttributeAction(ChangeAction resource, TfValue before, TfValue after) => resource switch
    {
        ChangeAction.Create or ChangeAction.Delete => resource,
        _ when before.IsNull => ChangeAction.Create,
        _ when after.IsNull => ChangeAction.Delete,
        _ when !after.IsKnown || !after.SameData(before) => ChangeAction.Update,
        _ => ChangeAction.NoOp,
    };

    private static string Symbol(ChangeAction action, Colorizer color) => color.Color(ActionSymbols.Markup(action)) + " ";
}
