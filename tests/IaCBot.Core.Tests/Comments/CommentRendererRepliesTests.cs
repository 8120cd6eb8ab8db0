using IaCBot.Core.Comments;
using IaCBot.Core.Locking;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Tests.Comments;

/// <summary>The short replies: a bad command, unlock, a closed pull request, a fault.</summary>
public sealed class CommentRendererRepliesTests
{
    private static readonly RepoId Repo = new("github.com", "acme", "infra");
    private readonly CommentRenderer _renderer = new();

    [Fact]
    public void An_invalid_command_shows_the_error_in_code_then_the_usage_as_markdown()
    {
        var markdown = _renderer.RenderInvalidCommand("unknown flag: -x for @everyone", "**Usage:** `atlantis plan [-d DIR] [-w WORKSPACE]`");
        var comment = RenderedMarkdown.Parse(markdown);

        Assert.Equal("unknown flag: -x for @everyone", RenderedMarkdown.Code(Assert.Single(comment.Fences())));
        Assert.Equal("Usage: atlantis plan [-d DIR] [-w WORKSPACE]", comment.Paragraphs()[^1]);
        Assert.Contains("atlantis plan [-d DIR] [-w WORKSPACE]", comment.InlineCode());
    }

    [Fact]
    public void Unlock_lists_the_discarded_plans_and_released_locks()
    {
        var released = new[] { Lock("envs/prod", "default", "prod"), Lock("envs/dev", "blue") };

        var comment = RenderedMarkdown.Parse(_renderer.RenderUnlocked("atlantis", released));

        Assert.Contains("released the locks of 2 projects", comment.Paragraphs()[0], StringComparison.Ordinal);
        Assert.Equal(
            ["project: prod dir: envs/prod workspace: default", "dir: envs/dev workspace: blue"],
            comment.ListItems());
        Assert.Contains("atlantis plan", comment.InlineCode());
    }

    [Fact]
    public void Unlock_with_nothing_held_says_there_was_nothing_to_discard()
    {
        var comment = RenderedMarkdown.Parse(_renderer.RenderUnlocked("atlantis", []));

        Assert.Equal("Nothing to discard: this pull request holds no plans or locks.", Assert.Single(comment.Paragraphs()));
    }

    [Fact]
    public void A_closed_pull_request_lists_what_it_released()
    {
        var comment = RenderedMarkdown.Parse(_renderer.RenderPullClosed([Lock("envs/prod", "default")]));

        Assert.Contains("closed", comment.Paragraphs()[0], StringComparison.Ordinal);
        Assert.Equal(["dir: envs/prod workspace: default"], comment.ListItems());
    }

    [Fact]
    public void A_closed_pull_request_that_held_nothing_posts_nothing()
    {
        Assert.Equal("", _renderer.RenderPullClosed([]));
    }

    [Fact]
    public void A_failure_shows_the_headline_and_its_details_in_code()
    {
        var comment = RenderedMarkdown.Parse(_renderer.RenderFailure("iacbot.yaml is invalid", "line 3: unknown key `projcts`\n```"));

        Assert.Equal(":x: iacbot.yaml is invalid", Assert.Single(comment.Paragraphs()));
        var details = Assert.Single(comment.Fences());
        Assert.True(RenderedMarkdown.IsClosed(details));
        Assert.Equal("line 3: unknown key `projcts`\n```", RenderedMarkdown.Code(details));
    }

    [Fact]
    public void A_failure_without_details_is_only_the_headline()
    {
        var comment = RenderedMarkdown.Parse(_renderer.RenderFailure("Could not clone the repository", null));

        Assert.Equal(":x: Could not clone the repository", Assert.Single(comment.Paragraphs()));
        Assert.Empty(comment.Fences());
    }

    private static ProjectLock Lock(string dir, string workspace, string? name = null) =>
        new(new LockKey(Repo, dir, workspace), new PullRequestRef(Repo, 7), "bob", DateTimeOffset.UnixEpoch, name);
}
