using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace IaCBot.Server.Web;

/// <summary>
/// The pages' HTML. Every value that comes from outside (repo names, users, commands, output) goes through
/// <see cref="E"/>; markup is only ever written from literals here and in the pages.
/// </summary>
internal static class Html
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:0;color:#1f2328}header{background:#24292f;color:#fff;padding:.6rem 1rem}
        header a{color:#fff;margin-right:1rem;text-decoration:none}main{padding:1rem;max-width:1200px}
        table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
        pre{background:#f6f8fa;padding:.6rem;overflow:auto;max-height:40rem;white-space:pre-wrap}code{background:#f6f8fa}
        .succeeded{color:#1a7f37}.failed,.error{color:#cf222e}.running{color:#9a6700}.interrupted{color:#8250df}
        button{cursor:pointer}.reply{border:1px solid #d0d7de;padding:0 1rem;margin-bottom:1rem}
        """;

    /// <summary>HTML-encodes a value for text and attribute positions alike.</summary>
    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static string When(DateTimeOffset? at) =>
        at is { } time ? E(time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)) : "";

    public static string Seconds(TimeSpan? duration) =>
        duration is { } d ? d.TotalSeconds.ToString(d.TotalSeconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " s" : "";

    public static string Link(string href, string text) => $"<a href=\"{E(href)}\">{E(text)}</a>";

    public static string Status(string status) => $"<span class=\"{E(status)}\">{E(status)}</span>";

    public static IResult Page(string title, string body, int status = StatusCodes.Status200OK)
    {
        var page = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" · IaCBot</title><style>").Append(Style).Append("</style></head><body>")
            .Append("<header><a href=\"/\"><b>IaCBot</b></a><a href=\"/audit\">Audit</a><a href=\"/jobs\">Jobs</a></header><main>")
            .Append("<h1>").Append(E(title)).Append("</h1>")
            .Append(body)
            .Append("</main></body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    public static IResult NotFound(string what) => Page("Not found", $"<p>{E(what)}</p>", StatusCodes.Status404NotFound);
}
