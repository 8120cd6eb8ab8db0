using IaCBot.Core.Terraform;

namespace IaCBot.Core.Tests.Terraform;

/// <summary>The summary read from real <c>terraform show -json</c> output (Fixtures/terraform/plan-json).</summary>
public sealed class PlanSummaryTests
{
    [Theory]
    [InlineData("show-json.basic-create.json", "Plan: 3 to add, 0 to change, 0 to destroy.")]
    [InlineData("show-json.basic-delete.json", "Plan: 0 to add, 1 to change, 1 to destroy.")]
    [InlineData("show-json.requires-replace.json", "Plan: 1 to add, 0 to change, 1 to destroy.")]
    [InlineData("real-1.4.4.update-and-create.plan.json", "Plan: 2 to add, 0 to change, 0 to destroy.")]
    [InlineData("real-1.4.4.no-changes.plan.json", "No changes.")]
    [InlineData("show-json.basic-update.json", "No changes.")]
    public void The_summary_counts_what_the_plan_would_do_as_terraform_words_it(string file, string expected)
    {
        var summary = PlanSummary.FromShowJson(Fixture(file));

        Assert.NotNull(summary);
        Assert.Equal(expected, summary.ToString());
    }

    [Fact]
    public void A_plan_that_only_changes_outputs_has_changes_to_apply()
    {
        var summary = PlanSummary.FromShowJson(Fixture("outputs-only.changes-to-outputs.plan.json"))!;

        Assert.True(summary.HasChanges);
        Assert.Equal("Plan: 0 to add, 0 to change, 0 to destroy.", summary.ToString());
    }

    [Fact]
    public void An_import_is_counted_and_named_first_as_terraform_does()
    {
        const string json = """
            {"format_version":"1.2","resource_changes":[
              {"address":"a.b","change":{"actions":["no-op"],"importing":{"id":"i-123"}}},
              {"address":"a.c","change":{"actions":["create"]}}]}
            """;

        Assert.Equal("Plan: 1 to import, 1 to add, 0 to change, 0 to destroy.", PlanSummary.FromShowJson(json)!.ToString());
    }

    [Theory]
    [InlineData("terraform-json.invalid.plan.json")]
    public void Text_that_is_not_a_plan_gives_no_summary(string file)
    {
        Assert.Null(PlanSummary.FromShowJson(Fixture(file)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Error: No such file")]
    [InlineData("{\"resource_changes\": []}")]
    [InlineData("[]")]
    public void Output_that_is_not_plan_json_gives_no_summary(string text)
    {
        Assert.Null(PlanSummary.FromShowJson(text));
    }

    [Theory]
    [InlineData("show-json.basic-create.json", "Plan: 3 to add, 0 to change, 0 to destroy.")]
    [InlineData("real-1.4.4.update-and-create.plan.json", "Plan: 2 to add, 0 to change, 0 to destroy.")]
    [InlineData("outputs-only.changes-to-outputs.plan.json", "Plan: 0 to add, 0 to change, 0 to destroy.")]
    public async Task A_show_file_gives_the_same_summary_as_its_text(string file, string expected)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "terraform", "plan-json", file);

        var summary = await PlanSummary.FromShowJsonFileAsync(path, CancellationToken.None);

        Assert.Equal(expected, summary?.ToString());
    }

    [Fact]
    public async Task A_show_file_far_bigger_than_the_read_buffer_with_a_value_longer_than_it_is_counted_whole()
    {
        // 20,000 changes after a 1 MB value: the scanner reads 64 KB at a time, so tokens straddle every read.
        var changes = Enumerable.Range(0, 20_000).Select(i => (i % 4) switch
        {
            0 => "{\"address\":\"a.c\",\"change\":{\"actions\":[\"create\"],\"after\":{\"tags\":{\"x\":\"y\"}}}}",
            1 => "{\"address\":\"a.u\",\"change\":{\"actions\":[\"update\"],\"importing\":{\"id\":\"i-1\"}}}",
            2 => "{\"address\":\"a.r\",\"change\":{\"actions\":[\"delete\",\"create\"]}}",
            _ => "{\"address\":\"a.n\",\"change\":{\"actions\":[\"no-op\"]}}",
        });
        var json = "{\"format_version\":\"1.2\",\"planned_values\":{\"blob\":\"" + new string('x', 1024 * 1024) + "\"},"
            + "\"resource_changes\":[" + string.Join(",\n", changes) + "]}";
        var path = Path.Combine(Path.GetTempPath(), $"iacbot-plan-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        try
        {
            var summary = await PlanSummary.FromShowJsonFileAsync(path, CancellationToken.None);

            Assert.Equal(new PlanSummary(10_000, 5_000, 5_000, 5_000, false), summary);
            Assert.Equal(summary, PlanSummary.FromShowJson(json));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_show_file_cut_short_gives_no_summary()
    {
        var path = Path.Combine(Path.GetTempPath(), $"iacbot-plan-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "{\"format_version\":\"1.2\",\"resource_changes\":[{\"change\":{\"actions\":[\"create\"]");
        try
        {
            Assert.Null(await PlanSummary.FromShowJsonFileAsync(path, CancellationToken.None));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "terraform", "plan-json", name));
}
