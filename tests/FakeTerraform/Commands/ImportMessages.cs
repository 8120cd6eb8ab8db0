using FakeTerraform.Rendering;

namespace FakeTerraform.Commands;

/// <summary>Terraform 1.5's <c>import</c> texts printed through the old UI, colour markup included.</summary>
internal static class ImportMessages
{
    public const string ExpectsTwoArguments = "The import command expects two arguments.";

    /// <summary>Not a diagnostic in terraform: it carries a code example its diagnostic printer could not show.</summary>
    public static string MissingResource(string address, string type, string name) =>
        $"[reset][bold][red]Error:[reset][bold] resource address {GoQuote.Quote(address)} does not exist in the configuration.[reset]\n\n"
        + "Before importing this resource, please create its configuration in the root module. For example:\n\n"
        + $"resource {GoQuote.Quote(type)} {GoQuote.Quote(name)} {{\n  # (resource arguments)\n}}\n";

    public const string InvalidAddressReference =
        "For information on valid syntax, see:\nhttps://www.terraform.io/docs/cli/state/resource-addressing.html";

    public const string Success =
        "Import successful!\n\nThe resources that were imported are shown above. These resources are now in\nyour Terraform state and will henceforth be managed by Terraform.\n";

    public const string Help = """
        Usage: terraform [global options] import [options] ADDR ID

          Import existing infrastructure into your Terraform state.

          ADDR is the address of a resource block in the configuration; ID is the
          resource-specific id of the existing object.

        Options:

          -config=path            Directory of configuration files to use.
          -input=false            Disable interactive input prompts.
          -lock=false             Don't hold a state lock during the operation.
          -lock-timeout=0s        Duration to retry a state lock.
          -no-color               If specified, output won't contain any color.
          -var 'foo=bar'          Set a variable in the Terraform configuration.
          -var-file=foo           Set variables from a file.
        """;
}
