using IaCBot.Core.Comments;

namespace IaCBot.Core.Tests.Comments;

/// <summary>A reply that would need more comments than allowed keeps its first parts and its end.</summary>
public sealed class CommentSplitterPartLimitTests
{
    private const int Limit = CommentSplitter.MinimumMaxLength;

    [Fact]
    public void Past_the_most_parts_the_middle_is_left_out_and_the_last_part_says_so_and_keeps_the_end()
    {
        var markdown = "Ran plan for 1 project:\n\n<details><summary>Show plan</summary>\n\n```diff\n"
            + string.Concat(Enumerable.Range(1, 2000).Select(i => $"+ line {i}\n"))
            + "```\n\n</details>\n\n**Plan summary:** 1 project: 1 with changes.\n";

        var parts = CommentSplitter.Split(markdown, Limit, maxParts: 4);

        Assert.Equal(4, parts.Count);
        Assert.StartsWith("Ran plan for 1 project:", parts[0], StringComparison.Ordinal);
        Assert.StartsWith("_(continued, part 2 of 4)_", parts[1], StringComparison.Ordinal);
        Assert.StartsWith("_(continued, part 4 of 4: ", parts[3], StringComparison.Ordinal);
        Assert.Contains("more parts of this reply were left out to keep it to 4 comments", parts[3], StringComparison.Ordinal);
        Assert.EndsWith("**Plan summary:** 1 project: 1 with changes.\n", parts[3], StringComparison.Ordinal);
        Assert.All(parts, part =>
        {
            Assert.InRange(part.Length, 1, Limit);
            var parsed = RenderedMarkdown.Parse(part);
            Assert.All(parsed.Fences(), fence => Assert.True(RenderedMarkdown.IsClosed(fence)));
            Assert.True(parsed.DetailsBalance());
        });
    }

    [Fact]
    public void Within_the_most_parts_nothing_is_left_out()
    {
        var markdown = string.Concat(Enumerable.Range(1, 100).Select(i => $"Paragraph {i} of a reply.\n\n"));

        var parts = CommentSplitter.Split(markdown, Limit, maxParts: 10);

        Assert.InRange(parts.Count, 2, 10);
        Assert.DoesNotContain(parts, part => part.Contains("left out", StringComparison.Ordinal));
        Assert.Contains("Paragraph 100 of a reply.", parts[^1], StringComparison.Ordinal);
    }
}
