using FakeTerraform.Planning;

namespace FakeTerraform.Rendering;

internal static class ActionSymbols
{
    /// <summary>format.DiffActionSymbol: three columns wide, so that nested lines align.</summary>
    public static string Markup(ChangeAction action) => action switch
    {
        ChangeAction.Create => "  [green]+[reset]",
        ChangeAction.Delete => "  [red]-[reset]",
        ChangeAction.Update => "  [yellow]~[reset]",
        _ => "   ",
    };

    /// <summary>The legend line under "Resource actions are indicated with the following symbols:".</summary>
    public static string Legend(ChangeAction action) => action switch
    {
        ChangeAction.Create => "  [green]+[reset] create",
        ChangeAction.Delete => "  [red]-[reset] destroy",
        _ => "  [yellow]~[reset] update in-place",
    };
}
