using IaCBot.Server.Web;

namespace IaCBot.Server.Tests.Web;

public sealed class MarkdownHtmlTests
{
    [Fact]
    public void Html_in_the_markdown_is_shown_as_text_and_never_becomes_markup()
    {
        var html = MarkdownHtml.Render("Plan output <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n```\n<script>alert(3)</script>\n```\n");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(3)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_keep_only_web_and_relative_targets()
    {
        var html = MarkdownHtml.Render("[a](javascript:alert(1)) [b](https://example.com/x) [c](/runs/1) [d](data:text/html,hi)");

        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data:", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com/x\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/runs/1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_replies_collapsible_sections_stay_collapsible()
    {
        var html = MarkdownHtml.Render("<details><summary>Show output</summary>\n\n```diff\n+ a\n```\n</details>\n");

        Assert.Contains("<details><summary>Show output</summary>", html, StringComparison.Ordinal);
        Assert.Contains("</details>", html, StringComparison.Ordinal);
    }
}
