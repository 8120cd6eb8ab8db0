using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IaCBot.Core.Tests.Comments;

/// <summary>Reads a rendered comment back with Markdig, the way GitHub would see its structure.</summary>
internal sealed partial class RenderedMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private RenderedMarkdown(MarkdownDocument document) => Document = document;

    public MarkdownDocument Document { get; }

    public static RenderedMarkdown Parse(string markdown) => new(Markdown.Parse(markdown, Pipeline));

    public IReadOnlyList<string> Headings(int level) =>
        Document.Descendants<HeadingBlock>().Where(h => h.Level == level).Select(h => Text(h.Inline)).ToList();

    /// <summary>The text of each top-level paragraph, with emphasis and code spans flattened.</summary>
    public IReadOnlyList<string> Paragraphs() => Document.OfType<ParagraphBlock>().Select(TextOf).ToList();

    public static string TextOf(ParagraphBlock paragraph) => Text(paragraph.Inline);

    public IReadOnlyList<string> ListItems() =>
        Document.Descendants<ListItemBlock>()
            .Select(item => string.Join(" ", item.Descendants<ParagraphBlock>().Select(TextOf)))
            .ToList();

    public IReadOnlyList<string> InlineCode() =>
        Document.Descendants<CodeInline>().Select(code => code.Content).ToList();

    public IReadOnlyList<FencedCodeBlock> Fences() => Document.Descendants<FencedCodeBlock>().ToList();

    /// <summary>The HTML blocks' text in document order (where <c>&lt;details&gt;</c> tags live).</summary>
    public IReadOnlyList<string> HtmlBlocks() =>
        Document.Descendants<HtmlBlock>().Select(block => block.Lines.ToString()).ToList();

    /// <summary>True when every <c>&lt;details&gt;</c> opened in HTML (not inside code) is closed, in order.</summary>
    public bool DetailsBalance()
    {
        var depth = 0;
        foreach (Match tag in HtmlBlocks().SelectMany(html => DetailsTag().Matches(html)))
        {
            depth += tag.Value.StartsWith("</", StringComparison.Ordinal) ? -1 : 1;
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    /// <summary>A fenced block that runs to the end of the document unclosed has no closing fence.</summary>
    public static bool IsClosed(FencedCodeBlock fence) => fence.ClosingFencedCharCount >= fence.OpeningFencedCharCount;

    public static IReadOnlyList<string> CodeLines(FencedCodeBlock fence) =>
        Enumerable.Range(0, fence.Lines.Count).Select(i => fence.Lines.Lines[i].Slice.ToString()).ToList();

    public static string Code(FencedCodeBlock fence) => string.Join("\n", CodeLines(fence));

    private static string Text(ContainerInline? container)
    {
        var text = new StringBuilder();
        foreach (var inline in container ?? Enumerable.Empty<Inline>())
        {
            text.Append(inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                LineBreakInline => " ",
                ContainerInline nested => Text(nested),
                _ => "",
            });
        }

        return text.ToString();
    }

    [GeneratedRegex(@"<details(?:\s[^>]*)?>|</details\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex DetailsTag();
}
