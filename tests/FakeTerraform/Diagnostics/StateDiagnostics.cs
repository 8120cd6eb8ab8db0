using FakeTerraform.Config;
using FakeTerraform.Rendering;

namespace FakeTerraform.Diagnostics;

/// <summary>Terraform 1.5's diagnostics for <c>import</c> and the <c>state</c> subcommands.</summary>
internal static class StateDiagnostics
{
    public static Diagnostic NoConfigurationFiles(string directory) => Diagnostic.Error(
        "No Terraform configuration files",
        $"The directory {directory} does not contain any Terraform configuration files (.tf or .tf.json). To specify a different configuration directory, use the -config=\"...\" command line option.");

    /// <summary>Built from a plain error in terraform, so the whole sentence is the summary.</summary>
    public static Diagnostic ImportIntoDataResource() =>
        Diagnostic.Error("A managed resource address is required. Importing into a data resource is not allowed.", "");

    public static Diagnostic ImportToNonExistentModule(string module) => Diagnostic.Error(
        "Import to non-existent module",
        $"{module} is not defined in the configuration. Please add configuration for this module before importing into it.");

    /// <summary>The address parser's complaint; for import terraform quotes the address as a one-line source.</summary>
    public static Diagnostic InvalidAddress(string address, bool quoteSource) => new(
        Severity.Error,
        "Invalid address",
        "Resource specification must include a resource type and name.",
        Snippet: quoteSource ? new DiagnosticSnippet(new SourceLine("<import-address>", 1, address), null, 0, address.Length) : null);

    public static Diagnostic ResourceAlreadyManaged(string address) => Diagnostic.Error(
        "Resource already managed by Terraform",
        $"Terraform is already managing a remote object for {address}. To import to this address you must first remove the existing object from the state.");

    /// <summary>The knob <c>fail import</c>: the provider found nothing under the given id.</summary>
    public static Diagnostic NonExistentRemoteObject(string address) => Diagnostic.Error(
        "Cannot import non-existent remote object",
        $"While attempting to import an existing object to {GoQuote.Quote(address)}, the provider detected that no object exists with the given id. Only pre-existing objects can be imported; check that the id is correct and that it is associated with the provider's configured region or endpoint, or use \"terraform apply\" to create a new remote object for this resource.");

    public static Diagnostic InvalidTargetAddress() => Diagnostic.Error(
        "Invalid target address",
        "No matching objects found. To view the available instances, use \"terraform state list\". Please modify the address to reference a specific instance.");

    public static Diagnostic UnknownModule(string address) => Diagnostic.Error(
        "Unknown module",
        $"The current state contains no module at {address}. If you've just added this module to the configuration, you must run \"terraform apply\" first to create the module's entry in the state.");

    public static Diagnostic UnknownResource(string address) => Diagnostic.Error(
        "Unknown resource",
        $"The current state contains no resource {address}. If you've just added this resource to the configuration, you must run \"terraform apply\" first to create the resource's entry in the state.");

    public static Diagnostic UnknownResourceInstance(string address) => Diagnostic.Error(
        "Unknown resource instance",
        $"The current state contains no resource instance {address}. If you've just added its resource to the configuration or have changed the count or for_each arguments, you must run \"terraform apply\" first to update the resource's entry in the state.");

    /// <summary>
    /// The knob <c>fail state</c> on <c>state rm</c>: another run holds the local state's lock, and the lock
    /// file's details come back in the error as terraform's LockInfo prints them.
    /// </summary>
    public static Diagnostic StateLocked(StateLockHolder holder) => Diagnostic.Error(
        "Error acquiring the state lock",
        "Error message: resource temporarily unavailable\nLock Info:\n"
        + $"  ID:        {holder.Id}\n  Path:      {holder.Path}\n  Operation: OperationTypeApply\n  Who:       {holder.Who}\n"
        + $"  Version:   {holder.Version}\n  Created:   {holder.Created}\n  Info:      \n\n\n"
        + "Terraform acquires a state lock to protect the state from being written\nby multiple users at the same time. Please resolve the issue above and try\n"
        + "again. For most commands, you can disable locking with the \"-lock=false\"\nflag, but this is not recommended.");
}
