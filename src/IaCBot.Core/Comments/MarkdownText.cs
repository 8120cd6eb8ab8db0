using System.Net;
using System.Text;

namespace IaCBot.Core.Comments;

/// <summary>Small pieces of GitHub-flavoured Markdown that stay valid whatever text goes into them.</summary>
internal static class MarkdownText
{
    /// <summary>Inline code that no backtick inside <paramref name="text"/> can end early.</summary>
    public static string Code(string text)
    {
        var ticks = new string('`', LongestRun(text, '`') + 1);
        // CommonMark strips one space on each side, which lets a span start or end with a backtick.
        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : "";
        return $"{ticks}{pad}{text}{pad}{ticks}";
    }

    /// <summary>
    /// A fenced code block longer than any run of backticks in <paramref name="content"/>, so that the content
    /// cannot close it (https://spec.commonmark.org/0.31.2/#fenced-code-blocks).
    /// </summary>
    public static string Fence(string content, string info = "")
    {
        var fence = new string('`', Math.Max(3, LongestRun(content, '`') + 1));
        var body = content.EndsWith('\n') ? content : content + "\n";
        return $"{fence}{info}\n{body}{fence}\n";
    }

    /// <summary>
    /// A collapsed section. The blank lines around the body end GitHub's HTML block, so the body is read as Markdown.
    /// </summary>
    public static string Details(string summary, string body)
    {
        var text = new StringBuilder();
        text.Append("<details><summary>").Append(WebUtility.HtmlEncode(summary)).Append("</summary>\n\n");
        text.Append(body);
        if (!body.EndsWith('\n'))
        {
            text.Append('\n');
        }

        return text.Append("\n</details>\n").ToString();
    }

    public static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}
