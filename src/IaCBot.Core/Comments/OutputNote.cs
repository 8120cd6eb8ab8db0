using System.Globalization;
using System.Text;

namespace IaCBot.Core.Comments;

/// <summary>
/// The line above an output too long to show whole: how much is left out and where the whole of it is, a link when
/// <c>server:public_url</c> is set, else the log's path under data_dir for whoever runs the server.
/// </summary>
internal static class OutputNote
{
    public static void Write(StringBuilder text, ShownOutput output)
    {
        if (output.Omitted is not { } omitted)
        {
            return;
        }

        var amount = omitted.Lines > 0 ? $"{Plural(omitted.Lines, "line")} ({Size(omitted.Chars)})" : Size(omitted.Chars);
        text.Append($":scissors: **The output is too long to show whole.** Left out here: {amount}; its end is shown.");
        if (output.Log?.Url is { } url)
        {
            text.Append($" [Read the full output]({url.AbsoluteUri}).");
        }
        else if (output.Log is { } log)
        {
            text.Append($" The full output is in {MarkdownText.Code(log.RelativePath)} in IaCBot's data directory.");
        }

        text.Append("\n\n");
    }

    private static string Plural(long count, string noun) =>
        count == 1 ? $"1 {noun}" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}s");

    private static string Size(long chars) => chars switch
    {
        < 1024 => $"{chars} characters",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{chars / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{chars / (1024.0 * 1024):0.#} MB"),
    };
}
