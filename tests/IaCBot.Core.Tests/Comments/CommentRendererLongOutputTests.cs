using IaCBot.Core.Commands;
using IaCBot.Core.Comments;
using IaCBot.Core.Processes;
using IaCBot.Core.Projects;
using IaCBot.Core.RunLogs;
using IaCBot.Core.Runs;

namespace IaCBot.Core.Tests.Comments;

/// <summary>Replies whose output is too long for their comments: the end is shown with a note on what was left out.</summary>
public sealed class CommentRendererLongOutputTests
{
    private const string Summary = "Plan: 2 to add, 0 to change, 0 to destroy.";
    private static readonly LogFile Log = new("/data/logs/run/dir-app.default.log", "logs/github.com/acme/infra/1/run/dir-app.default.log", null);
    private readonly CommentRenderer _renderer = new();

    [Fact]
    public void An_output_too_long_for_the_reply_shows_its_end_how_much_is_left_out_and_where_the_whole_of_it_is()
    {
        var result = Planned("app", HugePlan(12_000)) with { Log = Log, Omitted = new OmittedOutput(1_000_000, 150 * 1024 * 1024) };

        var markdown = _renderer.RenderRun(CommandKind.Plan, "iacbot", [result], verbose: false);

        var parts = CommentSplitter.Split(markdown, CommentSplitter.GitHubMaxLength);
        Assert.InRange(parts.Count, 2, CommentLimits.DefaultMaxParts);
        var comment = RenderedMarkdown.Parse(markdown);
        Assert.Contains(Summary, comment.Paragraphs());
        var shown = RenderedMarkdown.CodeLines(Assert.Single(comment.Fences()));
        Assert.Equal(Summary, shown[^1]);
        Assert.EndsWith($"tag_{12_000:D6} = \"{Filler}\"", shown[^3], StringComparison.Ordinal);
        var note = Assert.Single(comment.Paragraphs(), p => p.Contains("too long to show whole", StringComparison.Ordinal));
        var leftOut = 1_000_000 + HugePlanLines(12_000) - shown.Count;
        Assert.Contains($"Left out here: {leftOut:N0} lines (", note, StringComparison.Ordinal);
        Assert.Contains(Log.RelativePath, comment.InlineCode());
    }

    [Fact]
    public void With_a_public_url_the_note_links_to_the_full_output()
    {
        var url = new Uri("https://iacbot.example.com/runs/github.com/acme/infra/1/run/dir-app.default.log");
        var result = Planned("app", HugePlan(12_000)) with { Log = Log with { Url = url } };

        var markdown = _renderer.RenderRun(CommandKind.Plan, "iacbot", [result], verbose: false);

        Assert.Contains($"[Read the full output]({url.AbsoluteUri})", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(Log.RelativePath, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_plan_is_shown_whole_beside_a_huge_one()
    {
        var small = Planned("small", TerraformFixtures.Read("plan-text/update.simple-object.txt"));
        var huge = Planned("huge", HugePlan(12_000));

        var markdown = _renderer.RenderRun(CommandKind.Plan, "iacbot", [small, huge], verbose: false);

        var alone = RenderedMarkdown.Parse(_renderer.RenderRun(CommandKind.Plan, "iacbot", [small], verbose: false));
        var fences = RenderedMarkdown.Parse(markdown).Fences();
        Assert.Equal(RenderedMarkdown.CodeLines(alone.Fences()[0]), RenderedMarkdown.CodeLines(fences[0]));
        Assert.True(RenderedMarkdown.CodeLines(fences[1]).Count < 12_000);
        Assert.Single(RenderedMarkdown.Parse(markdown).Paragraphs(), p => p.Contains("too long to show whole", StringComparison.Ordinal));
    }

    [Fact]
    public void An_output_the_process_runner_cut_says_so_even_when_the_reply_has_room_for_what_is_left()
    {
        var result = Failed("app", "Error: boom\n") with { Log = Log, Omitted = new OmittedOutput(12, 900) };

        var comment = RenderedMarkdown.Parse(_renderer.RenderRun(CommandKind.Plan, "iacbot", [result], verbose: false));

        Assert.Contains(comment.Paragraphs(), p => p.Contains("Left out here: 12 lines (900 characters)", StringComparison.Ordinal));
        Assert.Equal(["Error: boom"], RenderedMarkdown.CodeLines(Assert.Single(comment.Fences())));
    }

    [Fact]
    public void A_reply_with_fewer_comments_allowed_cuts_more_and_still_fits_them()
    {
        var renderer = new CommentRenderer(new CommentLimits(MaxParts: 2));
        var results = new[] { Planned("a", HugePlan(20_000)), Planned("b", HugePlan(20_000)) };

        var markdown = renderer.RenderRun(CommandKind.Plan, "iacbot", results, verbose: false);

        Assert.InRange(CommentSplitter.Split(markdown, CommentSplitter.GitHubMaxLength).Count, 1, 2);
        Assert.Equal(2, RenderedMarkdown.Parse(markdown).Fences().Count);
        Assert.Contains("Plan summary", markdown, StringComparison.Ordinal);
    }

    private const string Filler = "arn:aws:iam::123456789012:role/service-role/a-long-name-for-a-long-plan";

    private static string HugePlan(int lines) =>
        "Terraform will perform the following actions:\n\n"
        + string.Concat(Enumerable.Range(1, lines).Select(i => $"  + tag_{i:D6} = \"{Filler}\"\n"))
        + "\n" + Summary + "\n";

    /// <summary>The lines of <see cref="HugePlan"/>: a heading, a blank line, the changes, a blank line and the summary.</summary>
    private static int HugePlanLines(int lines) => lines + 4;

    private static ProjectResult Planned(string dir, string output) =>
        new(new Project(new ProjectKey(dir, ProjectKey.DefaultWorkspace), null, []), CommandKind.Plan, ProjectOutcome.PlannedChanges, output);

    private static ProjectResult Failed(string dir, string output) =>
        new(new Project(new ProjectKey(dir, ProjectKey.DefaultWorkspace), null, []), CommandKind.Plan, ProjectOutcome.Failed, output);
}
