using FakeTerraform.Config;

namespace FakeTerraform.Diagnostics;

/// <summary>Terraform 1.5's own diagnostics, with its summaries and details, for the situations the fake models.</summary>
internal static class TerraformDiagnostics
{
    public static Diagnostic FlagParse(string message) => Diagnostic.Error("Failed to parse command-line flags", message);

    public static Diagnostic TooManyArguments(string detail) => Diagnostic.Error("Too many command line arguments", detail);

    public static Diagnostic InconsistentLockFile(IEnumerable<ProviderAddress> providers) => Diagnostic.Error(
        "Inconsistent dependency lock file",
        "The following dependency selections recorded in the lock file are inconsistent with the current configuration:"
        + string.Concat(providers.Select(p => $"\n  - provider {p.FullName}: required by this configuration but no version is selected"))
        + "\n\nTo make the initial dependency selections that will initialize the dependency lock file, run:\n  terraform init");

    public static Diagnostic BackendInitializationRequired() => Diagnostic.Error(
        "Backend initialization required, please run \"terraform init\"",
        "Reason: Initial configuration of the requested backend \"local\"\n\n"
        + "The \"backend\" is the interface that Terraform uses to store state, perform operations, etc. If this message is showing up, it means that the Terraform configuration you're using is using a custom configuration for the Terraform backend.\n\n"
        + "Changes to backend configurations require reinitialization. This allows Terraform to set up the new configuration, copy existing state, etc. Please run \"terraform init\" with either the \"-reconfigure\" or \"-migrate-state\" flags to use the current configuration.\n\n"
        + "If the change reason above is incorrect, please verify your configuration hasn't changed and try again. At this point, no changes to your existing configuration or state have been applied.");

    public static Diagnostic NoConfigurationFiles() => Diagnostic.Error(
        "No configuration files",
        "Plan requires configuration to be present. Planning without a configuration would mark everything for destruction, which is normally not what is desired. If you would like to destroy everything, run plan with the -destroy option. Otherwise, create a Terraform configuration file (.tf file) and try again.");

    public static Diagnostic NoValueForRequiredVariable(VariableConfig variable) => new(
        Severity.Error,
        "No value for required variable",
        $"The root module input variable \"{variable.Name}\" is not set, and has no default value. Use a -var or -var-file command line argument to provide a value for this variable.",
        Snippet: new DiagnosticSnippet(variable.Source, null, variable.Source.Text.IndexOf("variable", StringComparison.Ordinal), $"variable \"{variable.Name}\"".Length));

    public static Diagnostic UndeclaredVariable(string name) => Diagnostic.Error(
        "Value for undeclared variable",
        $"A variable named \"{name}\" was assigned on the command line, but the root module does not declare a variable of that name. To use this value, add a \"variable\" block to the configuration.");

    public static Diagnostic InvalidVarOption(string raw) => Diagnostic.Error(
        "Invalid -var option",
        $"The given -var option \"{raw}\" is not correctly specified. Must be a variable name and value separated by an equals sign, like -var=\"key=value\".");

    public static Diagnostic MissingVarFile(string path) => Diagnostic.Error(
        "Failed to read variables file",
        $"Given variables file {path} does not exist.");

    public static Diagnostic NotAPlanFile(string path) => Diagnostic.Error(
        $"Failed to load \"{path}\" as a plan file",
        "The specified path is a directory, not a plan file. You can use the global -chdir flag to use this directory as the configuration root.");

    public static Diagnostic UnreadablePlanFile(string path) => Diagnostic.Error(
        $"Failed to load \"{path}\" as a plan file",
        "Error: zip: not a valid zip file");

    public static Diagnostic StalePlan() => Diagnostic.Error(
        "Saved plan is stale",
        "The given plan file can no longer be applied because the state was changed by another operation after the plan was created.");

    public static Diagnostic PlanForOtherLineage() => Diagnostic.Error(
        "Saved plan does not match the given state",
        "The given plan file can not be applied because it was created from a different state lineage.");

    public static Diagnostic ApprovalNotGiven(string reason) => Diagnostic.Error($"error asking for approval: {reason}", "");

    public static Diagnostic TargetingInEffect() => Diagnostic.Warning(
        "Resource targeting is in effect",
        "You are creating a plan with the -target option, which means that the result of this plan may not represent all of the changes requested by the current configuration.\n\n"
        + "The -target option is not for routine use, and is provided only for exceptional situations such as recovering from errors or mistakes, or when Terraform specifically suggests to use it as part of an error message.");

    public static Diagnostic AppliedChangesIncomplete() => Diagnostic.Warning(
        "Applied changes may be incomplete",
        "The plan was created with the -target option in effect, so some changes requested in the configuration may have been ignored and the output values may not be fully updated. Run the following command to verify that no other changes are pending:\n    terraform plan\n\n"
        + "Note that the -target option is not suitable for routine use, and is provided only for exceptional situations such as recovering from errors or mistakes, or when Terraform specifically suggests to use it as part of an error message.");

    public static Diagnostic WorkspaceNotEmpty(string workspace, IEnumerable<string> addresses) => Diagnostic.Error(
        "Workspace is not empty",
        $"Workspace \"{workspace}\" is currently tracking the following resource instances:"
        + string.Concat(addresses.Select(a => $"\n  - {a}"))
        + "\n\nDeleting this workspace would cause Terraform to lose track of any associated remote objects, which would then require you to delete them manually outside of Terraform. You should destroy these objects with Terraform before deleting the workspace.\n\n"
        + "If you want to delete this workspace anyway, and have Terraform forget about these managed objects, use the -force option to disable this safety check.");

    /// <summary>The knob <c>fail plan</c>: a provider validation error pointing at the first resource.</summary>
    public static Diagnostic ConflictingArguments(ResourceConfig? resource)
    {
        if (resource is null)
        {
            return Diagnostic.Error("Conflicting configuration arguments", "\"name\": conflicts with name_prefix");
        }

        var attribute = resource.Attributes.Count > 0 ? resource.Attributes[0] : null;
        var line = attribute?.Source ?? resource.Source;
        var name = attribute?.Name ?? "id";
        var indent = line.Text.Length - line.Text.TrimStart().Length;
        return new Diagnostic(
            Severity.Error,
            "Conflicting configuration arguments",
            $"\"{name}\": conflicts with {name}_prefix",
            resource.Address,
            new DiagnosticSnippet(line, $"resource \"{resource.Type}\" \"{resource.Name}\"", indent, line.Text.Trim().Length));
    }

    /// <summary>The knob <c>fail apply</c>: terraform core's error for a provider that lost the object.</summary>
    public static Diagnostic InconsistentResultAfterApply(string address, ProviderAddress provider) => Diagnostic.Error(
        "Provider produced inconsistent result after apply",
        $"When applying changes to {address}, provider \"{provider.StateProvider}\" produced an unexpected new value: Root resource was present, but now absent.\n\n"
        + "This is a bug in the provider, which should be reported in the provider's own issue tracker.");

    /// <summary>The knob <c>fail init</c>: the provider installer's checksum error.</summary>
    public static Diagnostic FailedToInstallProvider(ProviderAddress provider) => Diagnostic.Error(
        "Failed to install provider",
        $"Error while installing {provider.Source} v{provider.Version}: the current package for {provider.FullName} {provider.Version} doesn't match any of the checksums previously recorded in the dependency lock file.");

    /// <summary>The knob <c>secret-output plan</c>: the text arrives as a provider warning, unwrapped.</summary>
    public static Diagnostic ProviderWarning(string text) => Diagnostic.Warning(
        "Argument is deprecated",
        $"The provider returned the following value for a deprecated argument:\n  {text}");
}
