using System.Text;
using IaCBot.Core.RunHistory;

namespace IaCBot.Server.Web;

/// <summary>A table of runs: when, what, who, which PR, how it ended.</summary>
internal static class RunTable
{
    public static string Render(IReadOnlyList<RunRecord> runs, string empty)
    {
        if (runs.Count == 0)
        {
            return $"<p>{Html.E(empty)}</p>";
        }

        var html = new StringBuilder("<table><thead><tr><th>Run</th><th>Started</th><th>Command</th><th>By</th><th>Pull request</th><th>Result</th><th>Took</th></tr></thead><tbody>");
        foreach (var run in runs)
        {
            html.Append("<tr><td>").Append(Html.Link($"/runs/{Uri.EscapeDataString(run.Id)}", "#" + run.Id))
                .Append("</td><td>").Append(Html.When(run.StartedAt))
                .Append("</td><td><code>").Append(Html.E(run.Command)).Append("</code>")
                .Append("</td><td>").Append(Html.E(run.By))
                .Append("</td><td>").Append(PullLinks.Cell(run.Pull))
                .Append("</td><td>").Append(Html.Status(run.Outcome.ToString().ToLowerInvariant()))
                .Append("</td><td>").Append(Html.Seconds(run.Duration)).Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}
