using IaCBot.Core.Comments;

namespace IaCBot.Core.Tests.Comments;

public sealed class TerraformOutputTests
{
    private const string Esc = "\u001b";

    [Fact]
    public void Colour_codes_as_terraform_prints_them_are_removed()
    {
        // terraform colours with reset/bold/colour SGR sequences around each sign and keyword.
        var coloured =
            $"{Esc}[0m{Esc}[1mtfcoremock_object.object: Refreshing state... [id=00e14fba-4d56-6cc5-b685-633555376e3f]{Esc}[0m\n" +
            $"  {Esc}[33m~{Esc}[0m{Esc}[0m update in-place\n" +
            $"{Esc}[1mPlan:{Esc}[0m 0 to add, 1 to change, 0 to destroy.\n" +
            $"{Esc}[38;5;208mwarning{Esc}[39m {Esc}[48;2;10;20;30mtruecolour{Esc}[49m\n";

        var plain = TerraformOutput.StripAnsi(coloured);

        Assert.Equal(
            "tfcoremock_object.object: Refreshing state... [id=00e14fba-4d56-6cc5-b685-633555376e3f]\n" +
            "  ~ update in-place\n" +
            "Plan: 0 to add, 1 to change, 0 to destroy.\n" +
            "warning truecolour\n",
            plain);
    }

    [Fact]
    public void Hyperlinks_titles_cursor_moves_and_8_bit_sequences_are_removed()
    {
        var text =
            $"{Esc}]8;;https://example.com/docs{Esc}\\docs link{Esc}]8;;{Esc}\\ " +
            $"{Esc}]0;window title\u0007" +
            $"{Esc}[2K{Esc}[1G{Esc}[?25lprogress{Esc}[?25h " +
            "\u009b31mred\u009b0m " +
            $"{Esc}(Bcharset{Esc}7{Esc}8 " +
            $"{Esc}P1$r0m{Esc}\\done";

        Assert.Equal("docs link progress red charset done", TerraformOutput.StripAnsi(text));
    }

    [Fact]
    public void Windows_and_carriage_return_line_ends_become_newlines()
    {
        Assert.Equal("a\nb\nc", TerraformOutput.StripAnsi("a\r\nb\rc"));
    }

    [Theory]
    [InlineData("plan-text/update.simple-object.txt", "Plan: 0 to add, 1 to change, 0 to destroy.")]
    [InlineData("plan-text/replace.simple-object.txt", "Plan: 1 to add, 0 to change, 1 to destroy.")]
    [InlineData("plan-text/import.generate-config.with-warning.txt", "Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.")]
    [InlineData("legacy-0.11-text/plan.no-changes.log", "No changes. Infrastructure is up-to-date.")]
    [InlineData("legacy-0.11-text/apply.create.log", "Apply complete! Resources: 1 added, 0 changed, 0 destroyed.")]
    public void The_summary_line_is_found_in_real_output(string fixture, string expected)
    {
        Assert.Equal(expected, TerraformOutput.FindSummary(TerraformFixtures.Read(fixture)));
    }

    [Fact]
    public void The_summary_is_found_through_colour_codes()
    {
        var output = $"{Esc}[0m{Esc}[1mPlan:{Esc}[0m 2 to add, 0 to change, 0 to destroy.\n";

        Assert.Equal("Plan: 2 to add, 0 to change, 0 to destroy.", TerraformOutput.FindSummary(output));
    }

    [Fact]
    public void Output_without_a_summary_gives_none()
    {
        Assert.Null(TerraformOutput.FindSummary(TerraformFixtures.Read("errors/plan-error.postcondition-failed.txt")));
    }

    [Fact]
    public void A_trimmed_plan_drops_refresh_lines_and_the_saved_plan_notice_but_keeps_the_changes()
    {
        var trimmed = TerraformOutput.TrimPlan(TerraformFixtures.Read("plan-text/update.simple-object.txt"));

        Assert.StartsWith("Terraform used the selected providers", trimmed);
        Assert.EndsWith("Plan: 0 to add, 1 to change, 0 to destroy.", trimmed);
        Assert.DoesNotContain("Refreshing state", trimmed);
        Assert.DoesNotContain("Saved the plan to", trimmed);
        Assert.DoesNotContain("terraform apply \"equivalence_test_plan\"", trimmed);
        Assert.DoesNotContain("──", trimmed);
        Assert.Contains("~ string  = \"Hello, world!\" -> \"Hello, a totally different world!\"", trimmed);
    }

    [Fact]
    public void A_separator_inside_the_plan_is_kept_when_only_the_last_one_is_dropped()
    {
        var trimmed = TerraformOutput.TrimPlan(TerraformFixtures.Read("plan-text/drift.objects-changed-outside.txt"));

        Assert.StartsWith("Note: Objects have changed outside of Terraform", trimmed);
        Assert.Single(trimmed.Split('\n'), line => line.StartsWith('─'));
        Assert.EndsWith("Plan: 0 to add, 2 to change, 0 to destroy.", trimmed);
    }

    [Fact]
    public void Data_source_reads_and_legacy_refresh_lines_are_dropped()
    {
        var output =
            "data.aws_ami.ubuntu: Reading...\n" +
            "data.aws_ami.ubuntu: Read complete after 1s [id=ami-0a1b2c3d]\n" +
            TerraformFixtures.Read("legacy-0.11-text/plan.destroy.log");

        var trimmed = TerraformOutput.TrimPlan(output);

        Assert.StartsWith("Terraform v0.11.7", trimmed);
        Assert.DoesNotContain("Reading...", trimmed);
        Assert.DoesNotContain("Read complete", trimmed);
        Assert.DoesNotContain("null_resource.hello: Refreshing state", trimmed);
        Assert.Contains("  - null_resource.hello", trimmed);
    }

    [Fact]
    public void A_plan_without_the_saved_plan_notice_keeps_its_ending()
    {
        var plan = TerraformFixtures.Read("legacy-0.11-text/plan.destroy.log");

        Assert.EndsWith("Plan: 0 to add, 0 to change, 1 to destroy.", TerraformOutput.TrimPlan(plan));
    }
}
