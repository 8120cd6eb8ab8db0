using System.Text.Json;

namespace IaCBot.Infrastructure.Tests.FakeTerraform;

/// <summary>
/// The fake terraform run as a process, as the server will run it, and held to real terraform 1.5 output
/// (Fixtures/terraform/plan-text, captured from terraform's own equivalence tests).
/// </summary>
public sealed class FakeTerraformTests : IDisposable
{
    private const string OneNullResource = "resource \"null_resource\" \"null_resource\" {\n}\n";

    private readonly TerraformWorkdir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Plan_of_a_new_null_resource_prints_terraforms_create_text()
    {
        await InitAsync(OneNullResource);

        var plan = await _dir.RunAsync("plan", "-input=false", "-no-color", "-out", "equivalence_test_plan");

        Assert.Equal(0, plan.ExitCode);
        Assert.Equal(Fixture("create.null_resource.txt"), plan.Stdout);
    }

    [Fact]
    public async Task Plan_of_a_changed_attribute_prints_terraforms_update_in_place_text()
    {
        _dir.Write("terraform.tfstate", State("tfcoremock_simple_resource", "drift", "tfcoremock",
            """{ "id": "f3c6ddc5-37d5-0170-64ff-518ad421385a", "string": "Hello, drift!" }"""));
        await InitAsync("resource \"tfcoremock_simple_resource\" \"drift\" {\n  string = \"Hello, world!\"\n}\n");

        var plan = await _dir.RunAsync("plan", "-no-color", "-out", "equivalence_test_plan");

        Assert.Equal(Fixture("drift.update-back.txt"), plan.Stdout);
    }

    [Fact]
    public async Task Plan_of_a_resource_removed_from_the_configuration_prints_terraforms_destroy_text()
    {
        _dir.Write("terraform.tfstate", State("null_resource", "null_resource", "null", """{ "id": "7115293105928418144" }"""));
        await InitAsync("# null_resource.null_resource was removed\n");

        var plan = await _dir.RunAsync("plan", "-no-color", "-out", "equivalence_test_plan");

        Assert.Equal(Fixture("destroy.null_resource.txt"), plan.Stdout);
    }

    [Fact]
    public async Task Detailed_exitcode_is_1_on_error_2_with_changes_and_0_without()
    {
        _dir.Write("main.tf", OneNullResource);
        var beforeInit = await _dir.RunAsync("plan", "-detailed-exitcode", "-no-color");
        await InitAsync(OneNullResource);
        var withChanges = await _dir.RunAsync("plan", "-detailed-exitcode", "-out", "plan.tfplan");
        await _dir.RunAsync("apply", "plan.tfplan");
        var withoutChanges = await _dir.RunAsync("plan", "-detailed-exitcode");

        Assert.Equal(1, beforeInit.ExitCode);
        Assert.Contains("Error: Inconsistent dependency lock file", beforeInit.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, withChanges.ExitCode);
        Assert.Equal(0, withoutChanges.ExitCode);
    }

    [Fact]
    public async Task Apply_creates_the_resources_and_a_second_plan_finds_no_changes()
    {
        await InitAsync(OneNullResource);
        await _dir.RunAsync("plan", "-input=false", "-out", "plan.tfplan");

        var apply = await _dir.RunAsync("apply", "-input=false", "-no-color", "plan.tfplan");
        var replan = await _dir.RunAsync("plan", "-input=false", "-no-color");

        Assert.Equal(0, apply.ExitCode);
        Assert.Matches(@"^null_resource\.null_resource: Creating\.\.\.\nnull_resource\.null_resource: Creation complete after 0s \[id=\d+\]\n\nApply complete! Resources: 1 added, 0 changed, 0 destroyed\.\n$", apply.Stdout);
        Assert.Contains("null_resource.null_resource: Refreshing state... [id=", replan.Stdout, StringComparison.Ordinal);
        Assert.EndsWith(
            "\nNo changes. Your infrastructure matches the configuration.\n\nTerraform has compared your real infrastructure against your configuration\nand found no differences, so no changes are needed.\n",
            replan.Stdout,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_is_refused_when_another_apply_changed_the_state_after_the_plan()
    {
        await InitAsync(OneNullResource);
        await _dir.RunAsync("plan", "-out", "first.tfplan");
        await _dir.RunAsync("plan", "-out", "second.tfplan");
        await _dir.RunAsync("apply", "second.tfplan");
        var stateAfterSecond = _dir.Read("terraform.tfstate");

        var stale = await _dir.RunAsync("apply", "-no-color", "first.tfplan");

        Assert.Equal(1, stale.ExitCode);
        Assert.Equal(
            "\nError: Saved plan is stale\n\nThe given plan file can no longer be applied because the state was changed by\nanother operation after the plan was created.\n",
            stale.Stderr);
        Assert.Equal(stateAfterSecond, _dir.Read("terraform.tfstate"));
    }

    [Fact]
    public async Task Workspaces_are_created_selected_and_listed_with_terraforms_messages()
    {
        await InitAsync(OneNullResource);

        var created = await _dir.RunAsync("workspace", "new", "-no-color", "staging");
        var list = await _dir.RunAsync("workspace", "list");
        await _dir.RunAsync("plan", "-out", "staging.tfplan");
        await _dir.RunAsync("apply", "staging.tfplan");
        var selected = await _dir.RunAsync("workspace", "select", "-no-color", "default");
        var missing = await _dir.RunAsync("workspace", "select", "-no-color", "production");
        var show = await _dir.RunAsync("workspace", "show");

        Assert.StartsWith("Created and switched to workspace \"staging\"!\n\nYou're now on a new, empty workspace.", created.Stdout, StringComparison.Ordinal);
        Assert.Equal("  default\n* staging\n\n", list.Stdout);
        Assert.True(_dir.Exists("terraform.tfstate.d/staging/terraform.tfstate"));
        Assert.False(_dir.Exists("terraform.tfstate"));
        Assert.Equal("Switched to workspace \"default\".\n", selected.Stdout);
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("\nWorkspace \"production\" doesn't exist.\n\nYou can create this workspace", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal("default\n", show.Stdout);
    }

    [Fact]
    public async Task TF_WORKSPACE_overrides_the_selected_workspace_and_forbids_selecting_another()
    {
        await InitAsync(OneNullResource);
        _dir.Environment["TF_WORKSPACE"] = "review";

        var show = await _dir.RunAsync("workspace", "show");
        await _dir.RunAsync("plan", "-out", "review.tfplan");
        await _dir.RunAsync("apply", "review.tfplan");
        var select = await _dir.RunAsync("workspace", "select", "-no-color", "default");

        Assert.Equal("review\n", show.Stdout);
        Assert.True(_dir.Exists("terraform.tfstate.d/review/terraform.tfstate"));
        Assert.Equal(1, select.ExitCode);
        Assert.Contains("The selected workspace is currently overridden using the TF_WORKSPACE", select.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Colour_codes_are_printed_unless_no_color_is_given_and_stripping_them_gives_the_plain_text()
    {
        await InitAsync(OneNullResource);

        var coloured = await _dir.RunAsync("plan", "-out", "plan.tfplan");
        var plain = await _dir.RunAsync("plan", "-no-color", "-out", "plan.tfplan");

        Assert.Contains("\u001b[", coloured.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", plain.Stdout, StringComparison.Ordinal);
        Assert.Equal(plain.Stdout, coloured.PlainStdout);
    }

    [Fact]
    public async Task In_automation_the_plan_leaves_out_the_next_step_hint()
    {
        await InitAsync(OneNullResource);
        _dir.Environment["TF_IN_AUTOMATION"] = "true";

        var plan = await _dir.RunAsync("plan", "-no-color", "-out", "plan.tfplan");

        Assert.EndsWith("\nPlan: 1 to add, 0 to change, 0 to destroy.\n", plan.Stdout, StringComparison.Ordinal);
        Assert.True(_dir.Exists("plan.tfplan"));
    }

    [Fact]
    public async Task Show_json_describes_the_saved_plan_in_terraforms_format()
    {
        await InitAsync(OneNullResource);
        await _dir.RunAsync("plan", "-out", "plan.tfplan");

        var show = await _dir.RunAsync("show", "-json", "plan.tfplan");

        using var json = JsonDocument.Parse(show.Stdout);
        var change = json.RootElement.GetProperty("resource_changes")[0];
        Assert.Equal("1.2", json.RootElement.GetProperty("format_version").GetString());
        Assert.Equal("null_resource.null_resource", change.GetProperty("address").GetString());
        Assert.Equal("create", change.GetProperty("change").GetProperty("actions")[0].GetString());
        Assert.True(change.GetProperty("change").GetProperty("after_unknown").GetProperty("id").GetBoolean());
    }

    [Fact]
    public async Task A_variable_without_a_value_is_reported_as_terraform_reports_it()
    {
        await InitAsync("variable \"region\" {\n  type = string\n}\n\n" + OneNullResource);

        var plan = await _dir.RunAsync("plan", "-input=false", "-no-color");

        Assert.Equal(1, plan.ExitCode);
        Assert.Equal(
            "\nError: No value for required variable\n\n  on main.tf line 1:\n   1: variable \"region\" {\n\nThe root module input variable \"region\" is not set, and has no default value.\nUse a -var or -var-file command line argument to provide a value for this\nvariable.\n",
            plan.Stderr);
    }

    [Fact]
    public async Task An_unknown_flag_is_rejected_with_terraforms_usage_error()
    {
        await InitAsync(OneNullResource);

        var plan = await _dir.RunAsync("plan", "-no-color", "-bogus");

        Assert.Equal(1, plan.ExitCode);
        Assert.Equal(
            "\nError: Failed to parse command-line flags\n\nflag provided but not defined: -bogus\n\nFor more help on using this command, run:\n  terraform plan -help\n",
            plan.Stderr);
    }

    private async Task InitAsync(string configuration)
    {
        _dir.Write("main.tf", configuration);
        var init = await _dir.RunAsync("init", "-input=false", "-no-color");
        Assert.Equal(0, init.ExitCode);
        Assert.Contains("Terraform has been successfully initialized!", init.Stdout, StringComparison.Ordinal);
    }

    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "terraform", "plan-text", name));

    private static string State(string type, string name, string provider, string attributes) => $$"""
        {
          "version": 4,
          "terraform_version": "1.5.7",
          "serial": 1,
          "lineage": "4e2d6c64-1f0c-4c7a-9d43-1b1e8f0e2a10",
          "outputs": {},
          "resources": [
            {
              "mode": "managed",
              "type": "{{type}}",
              "name": "{{name}}",
              "provider": "provider[\"registry.terraform.io/hashicorp/{{provider}}\"]",
              "instances": [ { "schema_version": 0, "attributes": {{attributes}}, "sensitive_attributes": [] } ]
            }
          ]
        }
        """;
}
