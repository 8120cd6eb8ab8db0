using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.Locking;
using IaCBot.Core.Projects;
using IaCBot.Core.Runs;
using IaCBot.Core.Vcs;
using Markdig.Syntax;

namespace IaCBot.Core.Tests.Comments;

public sealed class CommentRendererTests
{
    private static readonly RepoId Repo = new("github.com", "acme", "infra");
    private readonly CommentRenderer _renderer = new();

    [Fact]
    public void A_plan_of_two_projects_lists_them_and_gives_each_a_heading_a_summary_a_diff_and_its_apply_command()
    {
        var results = new[]
        {
            Planned(Project("envs/prod", name: "prod"), "plan-text/update.simple-object.txt"),
            Planned(Project("envs/stage", "staging"), "plan-text/replace.simple-object.txt"),
        };

        var comment = RenderedMarkdown.Parse(_renderer.RenderRun(CommandKind.Plan, "atlantis", results, verbose: false));

        Assert.Equal("Ran plan for 2 projects:", comment.Paragraphs()[0]);
        Assert.Equal(
            ["1. project: prod dir: envs/prod workspace: default", "2. dir: envs/stage workspace: staging"],
            comment.Headings(3));
        var diffs = comment.Fences().Where(f => f.Info == "diff").ToList();
        Assert.Equal(2, diffs.Count);
        Assert.Contains("!           boolean = true -> false", RenderedMarkdown.CodeLines(diffs[0]));
        Assert.Contains("!   resource \"tfcoremock_object\" \"object\" {", RenderedMarkdown.CodeLines(diffs[1]));
        Assert.Contains("Plan: 0 to add, 1 to change, 0 to destroy.", comment.Paragraphs());
        Assert.Contains("Plan: 1 to add, 0 to change, 1 to destroy.", comment.Paragraphs());
        Assert.Contains("atlantis apply -p prod", comment.InlineCode());
        Assert.Contains("atlantis apply -d envs/stage -w staging", comment.InlineCode());
        Assert.Contains("atlantis unlock", comment.InlineCode());
    }

    [Fact]
    public void The_project_list_names_dir_workspace_and_project()
    {
        var results = new[]
        {
            Planned(Project("envs/prod", name: "prod"), "plan-text/update.simple-object.txt"),
            Planned(Project("."), "plan-text/replace.simple-object.txt"),
        };

        var comment = RenderedMarkdown.Parse(_renderer.RenderRun(CommandKind.Plan, "iacbot", results, verbose: false));

        var list = comment.Document.OfType<ListBlock>().First();
        Assert.True(list.IsOrdered);
        Assert.Equal(
            ["project: prod dir: envs/prod workspace: default", "dir: . workspace: default"],
            list.Select(item => RenderedMarkdown.TextOf((ParagraphBlock)((ListItemBlock)item)[0])).ToList());
        Assert.Contains("iacbot apply -d .", comment.InlineCode());
    }

    [Fact]
    public void The_plan_output_is_collapsed_under_the_summary_line_with_the_noise_removed()
    {
        var results = new[] { Planned(Project("envs/prod"), "plan-text/update.simple-object.txt") };

        var comment = RenderedMarkdown.Parse(_renderer.RenderRun(CommandKind.Plan, "atlantis", results, verbose: false));

        var blocks = comment.Document.ToList();
        var summary = blocks.FindIndex(b => b is ParagraphBlock p && RenderedMarkdown.TextOf(p) == "Plan: 0 to add, 1 to change, 0 to destroy.");
        var diff = blocks.FindIndex(b => b is FencedCodeBlock);
        Assert.IsType<HtmlBlock>(blocks[diff - 1]);
        Assert.StartsWith("<details><summary>Show plan</summary>", ((HtmlBlock)blocks[diff - 1]).Lines.ToString());
        Assert.Equal("</details>", ((HtmlBlock)blocks[diff + 1]).Lines.ToString());
        Assert.InRange(summary, 0, diff - 2);
        var code = RenderedMarkdown.Code((FencedCodeBlock)blocks[diff]);
        Assert.DoesNotContain("Refreshing state", code);
        Assert.DoesNotContain("Saved the plan to", code);
        Assert.DoesNotContain("terraform apply \"equivalence_test_plan\"", code);
        Assert.True(comment.DetailsBalance());
    }

    [Fact]
    public void A_verbose_plan_keeps_the_whole_output()
    {
        var results = new[] { Planned(Project("envs/prod"), "plan-text/update.simple-object.txt") };

        var comment = RenderedMarkdown.Parse(_renderer.RenderRun(CommandKind.Plan, "atlantis", results, verbose: true));

        var code = RenderedMarkdown.Code(Assert.Single(comment.Fences()));
        Assert.StartsWith("tfcoremock_object.object: Refreshing state... [id=00e14fba", code);
        Assert.EndsWith("    terraform apply \"equivalence_test_plan\"", code);
    }

    [Fact]
    public void The_closing_summary_counts_each_outcome_and_offers_to_apply_or_discard_everything()
    {
        var results = new[]
        {
            Planned(Project("a"), "plan-text/update.simple-object.txt"),
            Planned(Project("b"), "legacy-0.11-text/plan.no-changes.log", ProjectOutcome.PlannedNoChanges),
            Failed(Project("c"), "errors/plan-error.postcondition-failed.txt"),
            Locked(Project("d"), 12),
        };

        var comment = RenderedMarkdown.Parse(_renderer.RenderRun(CommandKind.Plan, "atlantis", results, verbose: false));

        Assert.Equal(
            "Plan summary: 4 projects: 1 with changes, 1 unchanged, 1 failed, 1 locked.",
            comment.Paragraphs()[^1]);
        Assert.Equal(
            ["To apply every plan of this pull request, comment atlantis apply",
             "To discard them all and release their locks, comment atlantis unlock"],
            comment.ListItems().TakeLast(2));
    }

    [Fact]
    public void Plans_without_changes_do_not_offer_to_apply_everything()
    {
        var results = new[] { Planned(Project("b"), "legacy-0.11-text/plan.no-changes.log", ProjectOutcome.PlannedNoChanges) };

        var comment = RenderedMarkdown.Parse(_renderer.RenderRun(CommandKind.Plan, "atlantis", results, verbose: false));

        Assert.Contains("No changes. Infrastructure is up-to-date.", comment.Paragraphs());
        Assert.DoesNotContain("atlantis apply", comment.InlineCode());
        Assert.Equal("Plan summary: 1 project: 0 with changes, 1 unchanged, 0 failed, 0 locked.", comment.Paragraphs()[^1]);
    }

    [Fact]
    public void A_failed_plan_shows_the_error_open_and_how_to_plan_again()
    {
        var results = new[] { Failed(Project("envs/dev", "blue"), "errors/plan-error.boxed.conflicting-arguments.txt") };

        var markdown = _renderer.RenderRun(CommandKind.Plan, "atlantis", results, verbose: false);
        var comment = RenderedMarkdown.Parse(markdown);

        var error = Assert.Single(comment.Fences());
        Assert.Contains("│ Error: Conflicting configuration arguments", RenderedMarkdown.CodeLines(error));
        Assert.IsNotType<HtmlBlock>(comment.Document[comment.Document.IndexOf(error) - 1]);
        Assert.DoesNotContain("<details>", markdown);
        Assert.Contains(":x: The plan failed.", comment.Paragraphs());
        Assert.Contains("atlantis plan -d envs/dev -w blue", comment.InlineCode());
    }

    [Fact]
    public void A_long_failure_output_is_collapsed()
    {
        var output = string.Join("\n", Enumerable.Range(1, 200).Select(i => $"module.m[{i}]: still failing")) + "\n" +
                     TerraformFixtures.Read("errors/plan-error.postcondition-failed.txt");
        var results = new[] { new ProjectResult(Project("x"), CommandKind.Plan, ProjectOutcome.Failed, output) };

        var comment = RenderedMarkdown.Parse(_renderer.RenderRun(CommandKind.Plan, "atlantis", results, verbose: false));

        Assert.Contains(comment.HtmlBlocks(), html => html.StartsWith("<details><summary>Show output (", StringComparison.Ordinal));
        Assert.True(comment.DetailsBalance());
        Assert.Contains("Error: Resource postcondition failed", RenderedMarkdown.CodeLines(Assert.Single(comment.Fences())));
    }

    [Fact]
    public void A_locked_project_names_the_holder_since_when_and_how_to_free_it()
    {
        var results = new[] { Locked(Project("net"), 12) };

        var comment = RenderedMarkdown.Parse(_renderer.RenderRun(CommandKind.Plan, "atlantis", results, verbose: false));

        Assert.Contains(comment.Paragraphs(), p => p.Contains("#12 holds the lock", StringComparison.Ordinal));
        Assert.Contains(comment.Paragraphs(), p =>
            p.Contains("alice has held it since 2024-05-01 10:30 UTC.", StringComparison.Ordinal)
            && p.Contains("apply or close #12, or comment atlantis unlock on #12", StringComparison.Ordinal));
        Assert.Empty(comment.Fences());
    }

    [Fact]
    public void A_refused_project_shows_why()
    {
        var project = Project("iam");
        var results = new[] { new ProjectResult(project, CommandKind.Apply, ProjectOutcome.Refused, "", Message: "This pull request needs an approval first.") };

        var comment = RenderedMarkdown.Parse(_renderer.RenderRun(CommandKind.Apply, "atlantis", results, verbose: false));

        Assert.Contains(":no_entry_sign: Not run. This pull request needs an approval first.", comment.Paragraphs());
        Assert.Equal("Apply summary: 1 project: 0 applied, 0 failed, 0 locked, 1 not run.", comment.Paragraphs()[^1]);
    }

    [Fact]
    public void An_apply_shows_its_result_line_and_output()
    {
        var output = TerraformFixtures.Read("legacy-0.11-text/apply.create.log");
        var results = new[] { new ProjectResult(Project("app"), CommandKind.Apply, ProjectOutcome.Applied, output) };

        var comment = RenderedMarkdown.Parse(_renderer.RenderRun(CommandKind.Apply, "atlantis", results, verbose: false));

        Assert.Equal("Ran apply for 1 project:", comment.Paragraphs()[0]);
        Assert.Contains(comment.Paragraphs(), p => p.EndsWith("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.", StringComparison.Ordinal));
        var diff = Assert.Single(comment.Fences());
        Assert.Equal("diff", diff.Info);
        Assert.Contains("null_resource.hello: Creation complete after 0s (ID: 8657651096157629581)", RenderedMarkdown.CodeLines(diff));
        Assert.Equal("Apply summary: 1 project: 1 applied, 0 failed, 0 locked.", comment.Paragraphs()[^1]);
        Assert.DoesNotContain("atlantis apply", comment.InlineCode());
    }

    [Fact]
    public void Backticks_and_details_tags_in_the_output_stay_inside_its_code_block()
    {
        var output = "Error: bad heredoc\n```\n````\n</details>\n<details><summary>x</summary>\n# Not a heading\n```\n";
        var results = new[]
        {
            new ProjectResult(Project("x"), CommandKind.Plan, ProjectOutcome.PlannedChanges, output, "Plan: 1 to add, 0 to change, 0 to destroy."),
            new ProjectResult(Project("y"), CommandKind.Plan, ProjectOutcome.Failed, output),
        };

        var comment = RenderedMarkdown.Parse(_renderer.RenderRun(CommandKind.Plan, "atlantis", results, verbose: false));

        Assert.Equal(2, comment.Fences().Count);
        Assert.All(comment.Fences(), fence =>
        {
            Assert.True(RenderedMarkdown.IsClosed(fence));
            Assert.Equal(output.TrimEnd('\n'), RenderedMarkdown.Code(fence));
        });
        Assert.DoesNotContain("Not a heading", comment.Headings(1));
        Assert.True(comment.DetailsBalance());
        Assert.Equal(2, comment.Headings(3).Count);
    }

    [Fact]
    public void Colour_codes_never_reach_the_comment()
    {
        var output = "\u001b[0m\u001b[1mPlan:\u001b[0m 1 to add, 0 to change, 0 to destroy.\n  \u001b[32m+\u001b[0m resource \"x\" \"y\" {}\n";
        var results = new[] { new ProjectResult(Project("x"), CommandKind.Plan, ProjectOutcome.PlannedChanges, output) };

        var markdown = _renderer.RenderRun(CommandKind.Plan, "atlantis", results, verbose: true);

        Assert.DoesNotContain('\u001b', markdown);
        var comment = RenderedMarkdown.Parse(markdown);
        Assert.Contains("Plan: 1 to add, 0 to change, 0 to destroy.", comment.Paragraphs());
        Assert.Contains("+   resource \"x\" \"y\" {}", RenderedMarkdown.CodeLines(Assert.Single(comment.Fences())));
    }

    [Fact]
    public void Nothing_to_plan_says_so()
    {
        var comment = RenderedMarkdown.Parse(_renderer.RenderRun(CommandKind.Plan, "atlantis", [], verbose: false));

        Assert.Equal("Ran plan, but no project was affected, so there was nothing to do.", Assert.Single(comment.Paragraphs()));
    }

    [Fact]
    public void Only_plan_and_apply_can_be_rendered_as_a_run()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _renderer.RenderRun(CommandKind.Unlock, "atlantis", [], verbose: false));
    }

    private static Project Project(string dir, string workspace = ProjectKey.DefaultWorkspace, string? name = null) =>
        new(new ProjectKey(dir, workspace), name, []);

    private static ProjectResult Planned(Project project, string fixture, ProjectOutcome outcome = ProjectOutcome.PlannedChanges) =>
        new(project, CommandKind.Plan, outcome, TerraformFixtures.Read(fixture));

    private static ProjectResult Failed(Project project, string fixture) =>
        new(project, CommandKind.Plan, ProjectOutcome.Failed, TerraformFixtures.Read(fixture));

    private static ProjectResult Locked(Project project, int holder) =>
        new(project, CommandKind.Plan, ProjectOutcome.Locked, "", LockHolder: new ProjectLock(
            new LockKey(Repo, project.Dir, project.Workspace),
            new PullRequestRef(Repo, holder),
            "alice",
            new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.FromHours(2))));
}
