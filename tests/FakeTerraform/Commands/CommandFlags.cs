using FakeTerraform.Cli;
using FakeTerraform.Diagnostics;

namespace FakeTerraform.Commands;

internal static class CommandFlags
{
    /// <summary>Parses flags for a view-based command; on error prints terraform's diagnostic and help prompt.</summary>
    public static ParsedFlags? Parse(GoFlagSet flags, IReadOnlyList<string> args, string command, CommandOutput output)
    {
        try
        {
            return flags.Parse(args);
        }
        catch (FlagParseException e)
        {
            output.ViewDiagnostics([TerraformDiagnostics.FlagParse(e.Message)]);
            output.HelpPrompt(command);
            return null;
        }
    }
}
