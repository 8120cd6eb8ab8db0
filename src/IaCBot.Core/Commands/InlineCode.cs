using System.Text;

namespace IaCBot.Core.Commands;

/// <summary>Writes text a user typed into a reply as a Markdown code span.</summary>
/// <remarks>
/// Errors quote what the user wrote. Inside a code span GitHub renders no links, images or @mentions, so a comment
/// cannot make IaCBot's reply ping someone or show markup; long values are cut so one word cannot flood the reply.
/// </remarks>
internal static class InlineCode
{
    private const int MaxShownChars = 60;

    public static string Of(string text)
    {
        if (text.Length == 0)
        {
            return "`''`";
        }

        var shown = Printable(Shorten(text));
        var fence = new string('`', LongestBacktickRun(shown) + 1);

        // A code span strips one space from each side, which lets a value start or end with a backtick.
        var pad = shown.StartsWith('`') || shown.EndsWith('`') ? " " : "";
        return fence + pad + shown + pad + fence;
    }

    private static string Shorten(string text)
    {
        if (text.Length <= MaxShownChars)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[MaxShownChars - 1]) ? MaxShownChars - 1 : MaxShownChars;
        return text[..cut] + "…";
    }

    private static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
