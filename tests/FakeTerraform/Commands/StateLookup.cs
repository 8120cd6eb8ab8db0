using FakeTerraform.Diagnostics;
using FakeTerraform.State;

namespace FakeTerraform.Commands;

/// <summary>Terraform's lookup of a command-line address in the state, over the fake's flat list of resources.</summary>
internal static class StateLookup
{
    /// <summary>
    /// The resource instances the address selects. With <paramref name="allowMissing"/> (state rm) an address that
    /// selects nothing is no error; without it (state list) it is one.
    /// </summary>
    public static (IReadOnlyList<string> Found, Diagnostic? Problem) Find(StateFile state, string text, bool allowMissing)
    {
        if (TargetAddress.Parse(text) is not { } target)
        {
            return ([], StateDiagnostics.InvalidAddress(text, quoteSource: false));
        }

        if (target.PlainResource is { } address && state.Find(address) is not null)
        {
            return ([address], null);
        }

        if (allowMissing)
        {
            return ([], null);
        }

        var shown = target.ToString();
        return ([], target.IsModuleOnly ? StateDiagnostics.UnknownModule(shown)
            : target.Key.Length > 0 ? StateDiagnostics.UnknownResourceInstance(shown)
            : StateDiagnostics.UnknownResource(shown));
    }
}
