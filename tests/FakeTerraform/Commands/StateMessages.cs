namespace FakeTerraform.Commands;

/// <summary>Terraform 1.5's texts for the <c>state</c> subcommands, printed through the old UI.</summary>
internal static class StateMessages
{
    public const string NotFound =
        "No state file was found!\n\nState management commands require a state file. Run this command\nin a directory where Terraform has been run or use the -state flag\nto point the command to a specific state location.";

    public static string LoadingState(string error) =>
        $"Error loading the state: {error}\n\nPlease ensure that your Terraform state exists and that you've\nconfigured it properly. You can use the \"-state\" flag to point\nTerraform at another state file.";

    public static string FlagError(string message) => $"Error parsing command-line flags: {message}\n";

    public const string AddressRequired = "At least one address is required.\n";

    /// <summary>The knob <c>fail state</c> on <c>state list</c>: the state file reads back as garbage.</summary>
    public const string Unreadable =
        "Failed to load state: Unsupported state file format: The state file could not be parsed as JSON: syntax error at byte offset 1.";

    public const string Help = """
        Usage: terraform [global options] state <subcommand> [options] [args]

          This command has subcommands for advanced state management.

        Subcommands:
            list                List resources in the state
            rm                  Remove instances from the state
        """;

    public const string ListHelp = """
        Usage: terraform [global options] state list [options] [address...]

          List resources in the Terraform state.

        Options:

          -state=statefile    Path to a Terraform state file to use to look
                              up Terraform-managed resources.

          -id=ID              Filters the results to include only instances whose
                              "id" attribute equals the given id string.
        """;

    public const string RmHelp = """
        Usage: terraform [global options] state rm [options] ADDRESS...

          Remove one or more items from the Terraform state, causing Terraform to
          "forget" those items without first destroying them in the remote system.

        Options:

          -dry-run                Print what would be removed, but remove nothing.
          -backup=PATH            Path where Terraform should write the backup state.
          -lock=false             Don't hold a state lock during the operation.
          -lock-timeout=0s        Duration to retry a state lock.
          -state=PATH             Path to the state file to update.
        """;
}
