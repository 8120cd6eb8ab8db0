using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IaCBot.Server.Web;

/// <summary>
/// Renders a PR reply's Markdown as the run page shows it. Raw HTML in the Markdown is escaped, never passed through,
/// so nothing terraform printed can run in the browser; links keep only http(s) and relative targets. The
/// collapsible sections the replies use (<c>&lt;details&gt;</c>, <c>&lt;summary&gt;</c>) are put back as those tags only.
/// </summary>
internal static partial class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    public static string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return Collapsibles(writer.ToString());
    }

    private static bool IsSafe(string? url) =>
        url is null || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)) || url.StartsWith('#');

    /// <remarks>The text inside summary is already escaped by Markdig; only the two tag names are made markup again.</remarks>
    private static string Collapsibles(string html) => DetailsTag().Replace(html, m => m.Value
        .Replace("&lt;details&gt;", "<details>", StringComparison.Ordinal)
        .Replace("&lt;/details&gt;", "</details>", StringComparison.Ordinal)
        .Replace("&lt;summary&gt;", "<summary>", StringComparison.Ordinal)
        .Replace("&lt;/summary&gt;", "</summary>", StringComparison.Ordinal));

    [GeneratedRegex("&lt;/?(details|summary)&gt;")]
    private static partial Regex DetailsTag();
}
