using System.Text;
using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.Projects;
using IaCBot.Core.Runs;

namespace IaCBot.Core.Tests.Comments;

public sealed class CommentSplitterTests
{
    private const int GitHubLimit = CommentSplitter.GitHubMaxLength;

    private static readonly string[] PlanFixtures =
    [
        "plan-text/update.simple-object.txt",
        "plan-text/drift.objects-changed-outside.txt",
        "plan-text/replace.simple-object.txt",
        "plan-text/create.complex-nested.txt",
        "plan-text/destroy.local_file.txt",
    ];

    [Fact]
    public void A_comment_within_the_limit_is_left_whole()
    {
        var markdown = RenderPlan(3);

        Assert.Equal([markdown], CommentSplitter.Split(markdown, GitHubLimit));
    }

    [Fact]
    public void A_limit_too_small_to_hold_a_part_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CommentSplitter.Split("text", CommentSplitter.MinimumMaxLength - 1));
    }

    [Fact]
    public void A_300_project_plan_splits_into_valid_comments_that_lose_no_line_of_output()
    {
        var markdown = RenderPlan(300);
        Assert.True(markdown.Length > 3 * GitHubLimit);

        var parts = CommentSplitter.Split(markdown, GitHubLimit);

        AssertValidParts(parts, GitHubLimit);
        Assert.Equal(DiffLines([markdown]), DiffLines(parts));
        Assert.Equal(
            RenderedMarkdown.Parse(markdown).Headings(3),
            parts.SelectMany(part => RenderedMarkdown.Parse(part).Headings(3)));
    }

    [Fact]
    public void A_plan_longer_than_a_comment_continues_in_a_reopened_details_and_diff_block()
    {
        var plan = TerraformFixtures.Read("plan-text/create.complex-nested.txt");
        var output = string.Concat(Enumerable.Repeat(TerraformOutput.TrimPlan(plan) + "\n\n", 12));
        var results = new[]
        {
            new ProjectResult(
                new Project(new ProjectKey("big", ProjectKey.DefaultWorkspace), null, []),
                CommandKind.Plan,
                ProjectOutcome.PlannedChanges,
                output),
        };
        var markdown = new CommentRenderer().RenderRun(CommandKind.Plan, "atlantis", results, verbose: false);

        var parts = CommentSplitter.Split(markdown, GitHubLimit);

        Assert.Equal(2, parts.Count);
        AssertValidParts(parts, GitHubLimit);
        var first = RenderedMarkdown.Parse(parts[0]);
        var second = RenderedMarkdown.Parse(parts[1]);
        Assert.Equal("<details><summary>Show plan</summary>", first.HtmlBlocks()[0]);
        Assert.Equal("</details>", first.HtmlBlocks()[^1]);
        Assert.Equal("<details><summary>Show plan (continued)</summary>", second.HtmlBlocks()[0]);
        Assert.Equal("diff", Assert.Single(second.Fences()).Info);
        Assert.Equal(DiffLines([markdown]), DiffLines(parts));
    }

    [Fact]
    public void A_section_that_would_start_at_the_very_end_of_a_part_moves_to_the_next_with_its_heading()
    {
        var smallPlans = PlanFixtures.Where(name => !name.Contains("complex", StringComparison.Ordinal)).ToArray();

        var parts = CommentSplitter.Split(RenderPlan(300, smallPlans), GitHubLimit);

        Assert.All(parts.Skip(1), part =>
        {
            var blocks = RenderedMarkdown.Parse(part).Document;
            Assert.IsType<Markdig.Syntax.ThematicBreakBlock>(blocks[1]);
            Assert.IsType<Markdig.Syntax.HeadingBlock>(blocks[2]);
        });
    }

    [Fact]
    public void A_95_KB_line_is_hard_cut_across_comments_without_losing_a_character()
    {
        var results = new[]
        {
            new ProjectResult(
                new Project(new ProjectKey(".", ProjectKey.DefaultWorkspace), null, []),
                CommandKind.Plan,
                ProjectOutcome.PlannedChanges,
                TerraformFixtures.Read("legacy-0.11-text/plan.long-line.log")),
        };
        var markdown = new CommentRenderer().RenderRun(CommandKind.Plan, "atlantis", results, verbose: false);

        var parts = CommentSplitter.Split(markdown, GitHubLimit);

        Assert.Equal(2, parts.Count);
        AssertValidParts(parts, GitHubLimit);
        Assert.Equal(string.Concat(DiffLines([markdown])), string.Concat(DiffLines(parts)));
        Assert.Contains("atlantis apply -d .", RenderedMarkdown.Parse(parts[^1]).InlineCode());
    }

    [Fact]
    public void The_smallest_limit_still_gives_valid_parts_numbered_to_the_true_count()
    {
        var results = new[]
        {
            new ProjectResult(
                new Project(new ProjectKey("big", ProjectKey.DefaultWorkspace), "big", []),
                CommandKind.Plan,
                ProjectOutcome.PlannedChanges,
                TerraformFixtures.Read("legacy-0.11-text/plan.long-line.log")),
        };
        var markdown = new CommentRenderer().RenderRun(CommandKind.Plan, "atlantis", results, verbose: false);

        var parts = CommentSplitter.Split(markdown, CommentSplitter.MinimumMaxLength);

        Assert.InRange(parts.Count, 100, 999);
        AssertValidParts(parts, CommentSplitter.MinimumMaxLength);
        Assert.Equal(string.Concat(DiffLines([markdown])), string.Concat(DiffLines(parts)));
    }

    [Fact]
    public void A_hard_cut_never_splits_a_surrogate_pair()
    {
        var markdown = "Plan:\n\n```diff\n" + string.Concat(Enumerable.Repeat("+ 🚀", 2000)) + "\n```\n";

        foreach (var limit in new[] { 1000, 1001, 1002, 1003 })
        {
            var parts = CommentSplitter.Split(markdown, limit);

            AssertValidParts(parts, limit);
            Assert.Equal(string.Concat(DiffLines([markdown])), string.Concat(DiffLines(parts)));
        }
    }

    [Fact]
    public void Lines_are_kept_whole_when_they_fit()
    {
        var markdown = string.Join("\n", Enumerable.Range(0, 2000).Select(i => $"Line {i} of a long comment.")) + "\n";

        var parts = CommentSplitter.Split(markdown, 5000);

        var lines = parts.SelectMany((part, i) => (i == 0 ? part : part[(part.IndexOf("\n\n", StringComparison.Ordinal) + 2)..]).Split('\n'))
            .Where(line => line.Length > 0);
        Assert.Equal(markdown.Split('\n').Where(line => line.Length > 0), lines);
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 1300)]
    [InlineData(3, 2500)]
    [InlineData(4, 7000)]
    public void Random_documents_split_into_valid_parts_that_keep_all_code(int seed, int limit)
    {
        var markdown = RandomDocument(new Random(seed));

        var parts = CommentSplitter.Split(markdown, limit);

        Assert.True(parts.Count > 1);
        AssertValidParts(parts, limit);
        Assert.Equal(
            string.Concat(RenderedMarkdown.Parse(markdown).Fences().SelectMany(RenderedMarkdown.CodeLines)),
            string.Concat(parts.SelectMany(part => RenderedMarkdown.Parse(part).Fences().SelectMany(RenderedMarkdown.CodeLines))));
    }

    public static TheoryData<string> DegenerateDocuments() => new()
    {
        new string('x', 50_000),
        new string('\n', 50_000),
        string.Concat(Enumerable.Repeat("🙂", 20_000)),
        string.Concat(Enumerable.Repeat("<details><summary>nested</summary>\n\n", 400)) + new string('y', 5000),
        "``" + new string('`', 900) + "diff\n" + new string('z', 20_000) + "\n" + new string('`', 902) + "\n",
        string.Concat(Enumerable.Repeat("```\n", 5000)),
    };

    [Theory]
    [MemberData(nameof(DegenerateDocuments))]
    public void Odd_documents_still_split_within_the_smallest_limit_without_losing_text(string markdown)
    {
        var parts = CommentSplitter.Split(markdown, CommentSplitter.MinimumMaxLength);

        Assert.All(parts, part => Assert.InRange(part.Length, 1, CommentSplitter.MinimumMaxLength));
        Assert.All(parts, part => Assert.True(IsWellFormedUtf16(part)));
        var joined = string.Concat(parts);
        Assert.All(["x", "y", "z", "🙂", "\n"], (string text) => Assert.True(Occurrences(joined, text) >= Occurrences(markdown, text)));
    }

    private static void AssertValidParts(IReadOnlyList<string> parts, int limit)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            Assert.InRange(part.Length, 1, limit);
            Assert.True(IsWellFormedUtf16(part), $"part {i + 1} splits a surrogate pair");
            var parsed = RenderedMarkdown.Parse(part);
            Assert.All(parsed.Fences(), fence => Assert.True(RenderedMarkdown.IsClosed(fence), $"part {i + 1} leaves a code block open"));
            Assert.True(parsed.DetailsBalance(), $"part {i + 1} leaves <details> unbalanced");
            if (i > 0)
            {
                Assert.Equal($"(continued, part {i + 1} of {parts.Count})", parsed.Paragraphs()[0]);
            }
        }
    }

    private static List<string> DiffLines(IEnumerable<string> documents) =>
        documents
            .SelectMany(document => RenderedMarkdown.Parse(document).Fences())
            .Where(fence => fence.Info == "diff")
            .SelectMany(RenderedMarkdown.CodeLines)
            .ToList();

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string RenderPlan(int projects, string[]? fixtures = null)
    {
        fixtures ??= PlanFixtures;
        var results = Enumerable.Range(0, projects)
            .Select(i => new ProjectResult(
                new Project(new ProjectKey($"stacks/service-{i:000}", ProjectKey.DefaultWorkspace), null, []),
                CommandKind.Plan,
                ProjectOutcome.PlannedChanges,
                TerraformFixtures.Read(fixtures[i % fixtures.Length])))
            .ToList();
        return new CommentRenderer().RenderRun(CommandKind.Plan, "atlantis", results, verbose: false);
    }

    /// <summary>Headings, paragraphs, lists and collapsed code blocks, some with long lines, backticks and emoji.</summary>
    private static string RandomDocument(Random random)
    {
        var text = new StringBuilder();
        for (var block = 0; block < 60; block++)
        {
            switch (random.Next(5))
            {
                case 0:
                    text.Append($"### Section {block}\n\n");
                    break;
                case 1:
                    text.Append(Words(random, random.Next(5, 400))).Append("\n\n");
                    break;
                case 2:
                    text.Append(string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(i => $"* item {i} `code {i}`\n"))).Append('\n');
                    break;
                default:
                    var code = string.Join("\n", Enumerable.Range(0, random.Next(1, 80)).Select(_ => CodeLine(random)));
                    var fence = random.Next(2) == 0 ? "```" : "````";
                    var inner = $"{fence}diff\n{code.Replace(fence, "``", StringComparison.Ordinal)}\n{fence}\n";
                    text.Append(random.Next(3) == 0 ? inner : $"<details><summary>Output {block}</summary>\n\n{inner}\n</details>\n");
                    text.Append('\n');
                    break;
            }
        }

        return text.ToString();
    }

    private static string CodeLine(Random random) => random.Next(8) switch
    {
        0 => "  + " + new string('x', random.Next(500, 3000)),
        1 => "</details> <details> ``` not a fence",
        2 => "  ~ name = \"🚀🚀\" -> \"🌍\"",
        _ => "      " + Words(random, random.Next(1, 12)),
    };

    private static string Words(Random random, int count) =>
        string.Join(" ", Enumerable.Range(0, count).Select(_ => random.Next(4) == 0 ? "résumé🙂" : "word"));
}
