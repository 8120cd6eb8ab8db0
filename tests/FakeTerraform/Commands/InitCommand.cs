using FakeTerraform.Cli;
using FakeTerraform.Config;
using FakeTerraform.Diagnostics;
using FakeTerraform.Rendering;
using FakeTerraform.State;

namespace FakeTerraform.Commands;

/// <summary>
/// <c>terraform init</c>: "installs" the providers the resource types imply into the data directory and writes
/// the lock file, printing what terraform 1.5 prints with no backend block (the local backend).
/// </summary>
internal sealed class InitCommand(RunContext context)
{
    private static readonly GoFlagSet Flags = new GoFlagSet()
        .Add(FlagKind.Bool, "input", "upgrade", "reconfigure", "backend", "get", "lock", "migrate-state", "force-copy")
        .Add(FlagKind.String, "backend-config", "plugin-dir", "lockfile", "from-module")
        .Add(FlagKind.Duration, "lock-timeout");

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var view = ViewArguments.Parse(args);
        var output = new CommandOutput(context, new Colorizer(!view.NoColor));
        ParsedFlags flags;
        try
        {
            flags = Flags.Parse(view.Rest);
        }
        catch (FlagParseException)
        {
            output.UiError(Help);
            return 1;
        }

        var config = ConfigReader.Read(context.Directory);
        if (!config.HasFiles)
        {
            output.Line(output.Color.Color(
                "[reset][bold]Terraform initialized in an empty directory![reset]\n\nThe directory has no Terraform configuration files. You may begin working\nwith Terraform immediately by creating Terraform configuration files."));
            return 0;
        }

        output.Line(output.Color.Color("\n[reset][bold]Initializing the backend..."));
        if (flags.Has("backend-config"))
        {
            output.UiDiagnostics([MissingBackendConfiguration]);
        }

        await context.HoldAsync(config.Knobs, "init");
        if (!InstallProviders(config, flags.IsTrue("upgrade"), output))
        {
            return 1;
        }

        output.Line(output.Color.Color("\n[reset][bold][green]Terraform has been successfully initialized![reset][green]"));
        if (!context.InAutomation)
        {
            output.Line(output.Color.Color(SuccessHint));
        }

        return 0;
    }

    private bool InstallProviders(Configuration config, bool upgrade, CommandOutput output)
    {
        output.Line(output.Color.Color("\n[reset][bold]Initializing provider plugins..."));
        var locked = LockFile.Read(context.Directory);
        foreach (var provider in config.Providers)
        {
            var installed = Path.Combine(context.DataDirectory, "providers", provider.FullName, provider.Version, TerraformVersion.Platform);
            var reuse = !upgrade && locked.ContainsKey(provider.FullName);
            output.Line(reuse
                ? $"- Reusing previous version of {provider.Source} from the dependency lock file"
                : $"- Finding latest version of {provider.Source}...");
            if (Directory.Exists(installed))
            {
                output.Line($"- Using previously-installed {provider.Source} v{provider.Version}");
                continue;
            }

            output.Line($"- Installing {provider.Source} v{provider.Version}...");
            if (config.Knobs.Fails("init"))
            {
                output.UiDiagnostics([TerraformDiagnostics.FailedToInstallProvider(provider)]);
                return false;
            }

            Directory.CreateDirectory(installed);
            output.Line($"- Installed {provider.Source} v{provider.Version} (signed by HashiCorp)");
        }

        if (config.Knobs.Fails("init"))
        {
            output.UiDiagnostics([TerraformDiagnostics.FailedToInstallProvider((config.Providers.Count > 0 ? config.Providers[0] : null) ?? ProviderAddress.ForResourceType("null_resource"))]);
            return false;
        }

        Directory.CreateDirectory(Path.Combine(context.DataDirectory, "providers"));
        WriteLockFile(config, locked, output);
        return true;
    }

    private void WriteLockFile(Configuration config, IReadOnlyDictionary<string, string> locked, CommandOutput output)
    {
        var wanted = config.Providers;
        if (wanted.Count == 0 || wanted.All(p => locked.GetValueOrDefault(p.FullName) == p.Version))
        {
            return;
        }

        LockFile.Write(context.Directory, wanted);
        output.Line(output.Color.Color(locked.Count == 0
            ? "\nTerraform has created a lock file [bold].terraform.lock.hcl[reset] to record the provider\nselections it made above. Include this file in your version control repository\nso that Terraform can guarantee to make the same selections by default when\nyou run \"terraform init\" in the future."
            : "\nTerraform has made some changes to the provider dependency selections recorded\nin the .terraform.lock.hcl file. Review those changes and commit them to your\nversion control system if they represent changes you intended to make."));
    }

    private static Diagnostic MissingBackendConfiguration => Diagnostic.Warning(
        "Missing backend configuration",
        "-backend-config was used without a \"backend\" block in the configuration.\n\n"
        + "If you intended to override the default local backend configuration, no action is required, but you may add an explicit backend block to your configuration to clear this warning:\n\n"
        + "terraform {\n  backend \"local\" {}\n}\n\n"
        + "However, if you intended to override a defined backend, please verify that the backend configuration is present and valid.");

    private const string SuccessHint = "[reset][green]\nYou may now begin working with Terraform. Try running \"terraform plan\" to see\nany changes that are required for your infrastructure. All Terraform commands\nshould now work.\n\nIf you ever set or change modules or backend configuration for Terraform,\nrerun this command to reinitialize your working directory. If you forget, other\ncommands will detect it and remind you to do so if necessary.";

    private const string Help = """
        Usage: terraform [global options] init [options]

          Initialize a new or existing Terraform working directory by creating
          initial files, loading any remote state, downloading modules, etc.

          This is the first command that should be run for any new or existing
          Terraform configuration per machine. This sets up all the local data
          necessary to run Terraform that is typically not committed to version
          control.

          This command is always safe to run multiple times. Though subsequent runs
          may give errors, this command will never delete your configuration or
          state. Even so, if you have important information, please back it up prior
          to running this command, just in case.

        Options:

          -backend=false          Disable backend or Terraform Cloud initialization
                                  for this configuration and use what was previously
                                  initialized instead.

          -backend-config=path    Configuration to be merged with what is in the
                                  configuration file's 'backend' block. This can be
                                  either a path to an HCL file with key/value
                                  assignments (same format as terraform.tfvars) or a
                                  'key=value' format, and can be specified multiple
                                  times. The backend type must be in the configuration
                                  itself.

          -input=false            Disable interactive prompts. Note that some actions may
                                  require interactive prompts and will error if input is
                                  disabled.

          -no-color               If specified, output won't contain any color.

          -reconfigure            Reconfigure a backend, ignoring any saved
                                  configuration.

          -upgrade                Install the latest module and provider versions
                                  allowed within configured constraints, overriding the
                                  default behavior of selecting exactly the version
                                  recorded in the dependency lockfile.
        """;
}
