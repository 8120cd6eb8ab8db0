namespace FakeTerraform.Commands;

/// <summary>Terraform 1.5's workspace command texts, colour markup included.</summary>
internal static class WorkspaceMessages
{
    public static string Exists(string name) => $"Workspace {Go(name)} already exists";

    public static string DoesNotExist(string name) =>
        $"\nWorkspace {Go(name)} doesn't exist.\n\nYou can create this workspace with the \"new\" subcommand \nor include the \"-or-create\" flag with the \"select\" subcommand.";

    public static string Changed(string name) => $"[reset][green]Switched to workspace {Go(name)}.";

    public static string Created(string name) =>
        $"[reset][green][bold]Created and switched to workspace {Go(name)}![reset][green]\n\nYou're now on a new, empty workspace. Workspaces isolate their state,\nso if you run \"terraform plan\" Terraform will not see any existing state\nfor this configuration.";

    public static string Deleted(string name) => $"[reset][green]Deleted workspace {Go(name)}!";

    public static string WarnNotEmpty(string name) =>
        $"[reset][yellow]WARNING: {Go(name)} was non-empty.\nThe resources managed by the deleted workspace may still exist,\nbut are no longer manageable by Terraform since the state has\nbeen deleted.\n";

    public static string DeleteCurrent(string name) =>
        $"Workspace {Go(name)} is your active workspace.\n\nYou cannot delete the currently active workspace. Please switch\nto another workspace and try again.";

    public static string InvalidName(string name) =>
        $"\nThe workspace name {Go(name)} is not allowed. The name must contain only URL safe\ncharacters, and no path separators.\n";

    public const string OverriddenNote = "\n\nThe active workspace is being overridden using the TF_WORKSPACE environment\nvariable.\n";

    public const string OverriddenSelect =
        "\nThe selected workspace is currently overridden using the TF_WORKSPACE\nenvironment variable.\n\nTo select a new workspace, either update this environment variable or unset\nit and then run this command again.\n";

    public const string OverriddenNew =
        "\nThe workspace is currently overridden using the TF_WORKSPACE environment\nvariable. You cannot create a new workspace when using this setting.\n\nTo create a new workspace, either unset this environment variable or update it\nto match the workspace name you are trying to create, and then run this command\nagain.\n";

    public const string ExpectedName = "Expected a single argument: NAME.\n";

    public const string Help = "Usage: terraform [global options] workspace\n\n  new, list, show, select and delete Terraform workspaces.";

    /// <summary>Go's %q for the plain names workspaces allow.</summary>
    private static string Go(string name) => $"\"{name}\"";
}
