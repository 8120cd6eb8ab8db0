using System.Text.Json;

namespace IaCBot.Infrastructure.Tests.FakeTerraform;

/// <summary>
/// The fake's <c>import</c>, <c>state list</c> and <c>state rm</c>, its version override and its import/state knobs,
/// held to terraform 1.5's texts and exit codes.
/// </summary>
public sealed class FakeTerraformStateCommandTests : IDisposable
{
    private const string WebServer = "resource \"aws_instance\" \"web\" {\n  ami           = \"ami-0123456789\"\n  instance_type = \"t3.micro\"\n}\n";

    private const string TwoResources = WebServer + "\nresource \"null_resource\" \"seed\" {\n}\n";

    private readonly TerraformWorkdir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Import_adds_the_object_to_the_state_with_terraforms_import_text()
    {
        await InitAsync(WebServer);

        var import = await _dir.RunAsync("import", "-input=false", "-no-color", "aws_instance.web", "i-0abc123");

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(
            "aws_instance.web: Importing from ID \"i-0abc123\"...\n"
            + "aws_instance.web: Import prepared!\n"
            + "  Prepared aws_instance for import\n"
            + "aws_instance.web: Refreshing state... [id=i-0abc123]\n"
            + "\nImport successful!\n\n"
            + "The resources that were imported are shown above. These resources are now in\n"
            + "your Terraform state and will henceforth be managed by Terraform.\n\n",
            import.Stdout);
        Assert.Equal("", import.Stderr);
        using var state = JsonDocument.Parse(_dir.Read("terraform.tfstate"));
        Assert.Equal(1, state.RootElement.GetProperty("serial").GetInt32());
        var attributes = state.RootElement.GetProperty("resources")[0].GetProperty("instances")[0].GetProperty("attributes");
        Assert.Equal("i-0abc123", attributes.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_plan_after_an_import_finds_nothing_to_change_when_the_configuration_matches()
    {
        await InitAsync(WebServer);
        await _dir.RunAsync("import", "aws_instance.web", "i-0abc123");

        var plan = await _dir.RunAsync("plan", "-no-color", "-detailed-exitcode");

        Assert.Equal(0, plan.ExitCode);
        Assert.StartsWith("aws_instance.web: Refreshing state... [id=i-0abc123]\n", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("\nNo changes. Your infrastructure matches the configuration.\n", plan.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_to_an_address_missing_from_the_configuration_is_refused_with_terraforms_example()
    {
        await InitAsync(WebServer);

        var import = await _dir.RunAsync("import", "-no-color", "aws_instance.db", "i-0abc123");

        Assert.Equal(1, import.ExitCode);
        Assert.Equal("", import.Stdout);
        Assert.Equal(
            "Error: resource address \"aws_instance.db\" does not exist in the configuration.\n\n"
            + "Before importing this resource, please create its configuration in the root module. For example:\n\n"
            + "resource \"aws_instance\" \"db\" {\n  # (resource arguments)\n}\n\n",
            import.Stderr);
        Assert.False(_dir.Exists("terraform.tfstate"));
    }

    [Fact]
    public async Task Import_to_an_address_already_in_the_state_is_refused_and_leaves_the_state_alone()
    {
        await InitAsync(WebServer);
        await _dir.RunAsync("import", "aws_instance.web", "i-0abc123");
        var before = _dir.Read("terraform.tfstate");

        var again = await _dir.RunAsync("import", "-no-color", "aws_instance.web", "i-0def456");

        Assert.Equal(1, again.ExitCode);
        Assert.Equal(
            "aws_instance.web: Importing from ID \"i-0def456\"...\naws_instance.web: Import prepared!\n  Prepared aws_instance for import\n",
            again.Stdout);
        Assert.Equal(
            "\nError: Resource already managed by Terraform\n\n"
            + "Terraform is already managing a remote object for aws_instance.web. To import\n"
            + "to this address you must first remove the existing object from the state.\n\n",
            again.Stderr);
        Assert.Equal(before, _dir.Read("terraform.tfstate"));
    }

    [Fact]
    public async Task Import_before_init_fails_as_terraform_does_without_a_lock_file()
    {
        _dir.Write("main.tf", WebServer);

        var import = await _dir.RunAsync("import", "-no-color", "aws_instance.web", "i-0abc123");

        Assert.Equal(1, import.ExitCode);
        Assert.StartsWith("\nError: Inconsistent dependency lock file\n", import.Stderr, StringComparison.Ordinal);
        Assert.False(_dir.Exists("terraform.tfstate"));
    }

    [Fact]
    public async Task Import_with_one_argument_prints_the_argument_error_and_the_usage()
    {
        await InitAsync(WebServer);

        var import = await _dir.RunAsync("import", "-no-color", "aws_instance.web");

        Assert.Equal(1, import.ExitCode);
        Assert.StartsWith(
            "The import command expects two arguments.\nUsage: terraform [global options] import [options] ADDR ID\n",
            import.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_import_makes_the_provider_find_no_object_after_the_refresh_line()
    {
        await InitAsync("# fake-terraform: fail import\n" + WebServer);

        var import = await _dir.RunAsync("import", "-no-color", "aws_instance.web", "i-0abc123");

        Assert.Equal(1, import.ExitCode);
        Assert.EndsWith("aws_instance.web: Refreshing state... [id=i-0abc123]\n", import.Stdout, StringComparison.Ordinal);
        Assert.StartsWith(
            "\nError: Cannot import non-existent remote object\n\nWhile attempting to import an existing object to \"aws_instance.web\", the\n",
            import.Stderr,
            StringComparison.Ordinal);
        Assert.False(_dir.Exists("terraform.tfstate"));
    }

    [Fact]
    public async Task State_list_prints_one_address_a_line_in_terraforms_order()
    {
        await InitAndApplyAsync(TwoResources);

        var all = await _dir.RunAsync("state", "list");
        var filtered = await _dir.RunAsync("state", "list", "null_resource.seed");

        Assert.Equal(0, all.ExitCode);
        Assert.Equal("aws_instance.web\nnull_resource.seed\n", all.Stdout);
        Assert.Equal("null_resource.seed\n", filtered.Stdout);
    }

    [Fact]
    public async Task State_list_without_a_state_file_says_none_was_found()
    {
        await InitAsync(WebServer);

        var list = await _dir.RunAsync("state", "list", "-no-color");

        Assert.Equal(1, list.ExitCode);
        Assert.Equal("", list.Stdout);
        Assert.Equal(
            "No state file was found!\n\nState management commands require a state file. Run this command\n"
            + "in a directory where Terraform has been run or use the -state flag\nto point the command to a specific state location.\n",
            list.Stderr);
    }

    [Fact]
    public async Task State_list_of_an_address_not_in_the_state_is_an_unknown_resource()
    {
        await InitAndApplyAsync(WebServer);

        var list = await _dir.RunAsync("state", "list", "-no-color", "aws_instance.db");

        Assert.Equal(1, list.ExitCode);
        Assert.StartsWith("\nError: Unknown resource\n\nThe current state contains no resource aws_instance.db.", list.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_rm_forgets_the_resources_bumps_the_serial_and_keeps_a_timestamped_backup()
    {
        await InitAndApplyAsync(TwoResources);
        var before = _dir.Read("terraform.tfstate");

        var rm = await _dir.RunAsync("state", "rm", "aws_instance.web", "null_resource.seed");
        var replan = await _dir.RunAsync("plan", "-no-color", "-detailed-exitcode");

        Assert.Equal(0, rm.ExitCode);
        Assert.Equal("Removed aws_instance.web\nRemoved null_resource.seed\nSuccessfully removed 2 resource instance(s).\n", rm.Stdout);
        using var state = JsonDocument.Parse(_dir.Read("terraform.tfstate"));
        Assert.Equal(2, state.RootElement.GetProperty("serial").GetInt32());
        Assert.Equal(0, state.RootElement.GetProperty("resources").GetArrayLength());
        var backup = Assert.Single(Directory.GetFiles(_dir.Path, "terraform.tfstate.*.backup"));
        Assert.Matches(@"terraform\.tfstate\.\d{10}\.backup$", backup);
        Assert.Equal(before, File.ReadAllText(backup));
        Assert.Equal(2, replan.ExitCode);
        Assert.Contains("Plan: 2 to add, 0 to change, 0 to destroy.", replan.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_rm_passes_over_a_missing_address_when_another_one_matches()
    {
        await InitAndApplyAsync(WebServer);

        var rm = await _dir.RunAsync("state", "rm", "aws_instance.db", "aws_instance.web");

        Assert.Equal(0, rm.ExitCode);
        Assert.Equal("Removed aws_instance.web\nSuccessfully removed 1 resource instance(s).\n", rm.Stdout);
    }

    [Fact]
    public async Task State_rm_of_addresses_matching_nothing_fails_with_terraforms_invalid_target_address()
    {
        await InitAndApplyAsync(WebServer);
        var before = _dir.Read("terraform.tfstate");

        var rm = await _dir.RunAsync("state", "rm", "-no-color", "aws_instance.db");

        Assert.Equal(1, rm.ExitCode);
        Assert.Equal("", rm.Stdout);
        Assert.Equal(
            "\nError: Invalid target address\n\n"
            + "No matching objects found. To view the available instances, use \"terraform\n"
            + "state list\". Please modify the address to reference a specific instance.\n\n",
            rm.Stderr);
        Assert.Equal(before, _dir.Read("terraform.tfstate"));
    }

    [Fact]
    public async Task State_rm_dry_run_says_what_it_would_remove_and_changes_nothing()
    {
        await InitAndApplyAsync(WebServer);
        var before = _dir.Read("terraform.tfstate");

        var dryRun = await _dir.RunAsync("state", "rm", "-dry-run", "aws_instance.web");
        var nothing = await _dir.RunAsync("state", "rm", "-dry-run", "aws_instance.db");

        Assert.Equal(0, dryRun.ExitCode);
        Assert.Equal("Would remove aws_instance.web\n", dryRun.Stdout);
        Assert.Equal(0, nothing.ExitCode);
        Assert.Equal("Would have removed nothing.\n", nothing.Stdout);
        Assert.Equal(before, _dir.Read("terraform.tfstate"));
    }

    [Fact]
    public async Task State_rm_before_init_cannot_load_the_state()
    {
        _dir.Write("main.tf", WebServer);

        var rm = await _dir.RunAsync("state", "rm", "-no-color", "aws_instance.web");

        Assert.Equal(1, rm.ExitCode);
        Assert.StartsWith("Error loading the state: Backend initialization required, please run \"terraform init\": ", rm.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_rm_without_an_address_asks_for_one()
    {
        await InitAndApplyAsync(WebServer);

        var rm = await _dir.RunAsync("state", "rm", "-no-color");

        Assert.Equal(1, rm.ExitCode);
        Assert.StartsWith("At least one address is required.\n\nUsage: terraform [global options] state rm", rm.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_state_makes_state_rm_find_the_state_locked_and_state_list_find_it_unreadable()
    {
        await InitAndApplyAsync(WebServer);
        _dir.Write("knobs.tf", "# fake-terraform: fail state\n");
        var before = _dir.Read("terraform.tfstate");

        var rm = await _dir.RunAsync("state", "rm", "-no-color", "aws_instance.web");
        var list = await _dir.RunAsync("state", "list", "-no-color");

        Assert.Equal(1, rm.ExitCode);
        Assert.StartsWith(
            "\nError: Error acquiring the state lock\n\nError message: resource temporarily unavailable\nLock Info:\n",
            rm.Stderr,
            StringComparison.Ordinal);
        Assert.Contains("\n  Path:      terraform.tfstate\n", rm.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, _dir.Read("terraform.tfstate"));
        Assert.Equal(1, list.ExitCode);
        Assert.StartsWith("Failed to load state: ", list.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FAKE_TERRAFORM_VERSION_changes_the_version_reported_in_text_and_json()
    {
        _dir.Environment["FAKE_TERRAFORM_VERSION"] = "1.4.6";

        var text = await _dir.RunAsync("version");
        var json = await _dir.RunAsync("version", "-json");

        Assert.Equal("Terraform v1.4.6\non linux_amd64\n", text.Stdout);
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal("1.4.6", document.RootElement.GetProperty("terraform_version").GetString());
    }

    [Fact]
    public async Task Without_FAKE_TERRAFORM_VERSION_the_fake_reports_1_5_7()
    {
        // Empty counts as unset, and keeps a value in the test runner's own environment out of this run.
        _dir.Environment["FAKE_TERRAFORM_VERSION"] = "";

        var text = await _dir.RunAsync("version");

        Assert.Equal("Terraform v1.5.7\non linux_amd64\n", text.Stdout);
    }

    [Fact]
    public async Task The_invocation_log_records_the_version_override_and_every_IACBOT_TEST_variable()
    {
        var log = Path.Combine(_dir.Path, "invocations.jsonl");
        _dir.Environment["FAKE_TERRAFORM_LOG"] = log;
        _dir.Environment["FAKE_TERRAFORM_VERSION"] = "1.4.6";
        _dir.Environment["IACBOT_TEST_STAGE"] = "plan";
        _dir.Environment["IACBOT_TEST_REGION"] = "eu-west-1";

        await _dir.RunAsync("version");

        var env = JsonDocument.Parse(File.ReadAllLines(log)[1]).RootElement.GetProperty("env");
        Assert.Equal("1.4.6", env.GetProperty("FAKE_TERRAFORM_VERSION").GetString());
        Assert.Equal("plan", env.GetProperty("IACBOT_TEST_STAGE").GetString());
        Assert.Equal("eu-west-1", env.GetProperty("IACBOT_TEST_REGION").GetString());
    }

    private async Task InitAsync(string configuration)
    {
        _dir.Write("main.tf", configuration);
        Assert.Equal(0, (await _dir.RunAsync("init", "-input=false")).ExitCode);
    }

    private async Task InitAndApplyAsync(string configuration)
    {
        await InitAsync(configuration);
        Assert.Equal(0, (await _dir.RunAsync("apply", "-input=false", "-auto-approve")).ExitCode);
    }
}
