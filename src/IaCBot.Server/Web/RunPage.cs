using System.Text;
using IaCBot.Core.RunHistory;
using IaCBot.Server.Jobs;
using IaCBot.Server.Runs;

namespace IaCBot.Server.Web;

/// <summary>
/// <c>/runs/{id}</c>: what was asked, by whom, on which commit; each project's steps; the reply as posted on the PR;
/// and each project's log, streamed as it grows while the run goes on (<see cref="RunLogStream"/>), read from its
/// file once the run has ended. Only the replica that runs a run has its log before it ends: another replica's page
/// says which replica that is, and shows the log the run stored as it ended.
/// </summary>
internal static class RunPage
{
    private const string LiveScript = """
        <script>
        (() => {
          const logs = document.getElementById('logs');
          const source = new EventSource(logs.dataset.stream);
          const pre = name => {
            let el = document.getElementById('log-' + name);
            if (!el) {
              const h = document.createElement('h3'); h.textContent = name; logs.appendChild(h);
              el = document.createElement('pre'); el.id = 'log-' + name; el.className = 'log'; logs.appendChild(el);
            }
            return el;
          };
          source.onmessage = e => { const m = JSON.parse(e.data); pre(m.log).textContent += m.text; };
          source.addEventListener('end', () => { source.close(); document.getElementById('live').textContent = 'The run has ended.'; });
        })();
        </script>
        """;

    public static async Task<IResult> RenderAsync(
        string id, IRunHistory history, RunLogFiles logs, ServerInstance instance, CancellationToken cancellationToken)
    {
        if (await history.GetAsync(id, cancellationToken) is not { } run)
        {
            return Html.NotFound($"No run with id {id}.");
        }

        var html = new StringBuilder("<table>")
            .Append("<tr><th>Command</th><td><code>").Append(Html.E(run.Command)).Append("</code></td></tr>")
            .Append("<tr><th>Asked by</th><td>").Append(Html.E(run.By)).Append("</td></tr>")
            .Append("<tr><th>Pull request</th><td>").Append(PullLinks.Cell(run.Pull)).Append("</td></tr>")
            .Append("<tr><th>Commit</th><td><code>").Append(Html.E(run.HeadSha)).Append("</code></td></tr>")
            .Append("<tr><th>Started</th><td>").Append(Html.When(run.StartedAt)).Append("</td></tr>")
            .Append("<tr><th>Result</th><td id=\"outcome\">").Append(Html.Status(run.Outcome.ToString().ToLowerInvariant()))
            .Append(' ').Append(Html.Seconds(run.Duration)).Append("</td></tr></table>")
            .Append("<h2>Steps</h2>").Append(Steps(run))
            .Append("<h2>Reply</h2>")
            .Append(run.Reply is { } reply ? $"<div class=\"reply\">{MarkdownHtml.Render(reply)}</div>" : "<p>No reply yet.</p>")
            .Append("<h2>Log</h2>");
        var elsewhere = run.Owner is { } owner && owner != instance.Id ? ReplicaName.Of(owner) : null;
        if (run.Outcome == RunOutcome.Running)
        {
            html.Append(elsewhere is null
                    ? "<p id=\"live\">Live: lines appear as terraform prints them.</p>"
                    : $"<p id=\"live\">This run is going on on replica {Html.E(elsewhere)}, which alone has its log until the run ends; the log appears here then.</p>")
                .Append($"<div id=\"logs\" data-stream=\"/runs/{Html.E(Uri.EscapeDataString(run.Id))}/log\"></div>").Append(LiveScript);
        }
        else
        {
            html.Append("<div id=\"logs\">");
            foreach (var project in run.Projects)
            {
                var text = await logs.ReadEndAsync(project.LogPath, cancellationToken) ?? Gone(elsewhere);
                html.Append("<h3>").Append(Html.E(RunLogStream.Name(project))).Append("</h3><pre class=\"log\">").Append(Html.E(Core.Comments.TerraformOutput.StripAnsi(text))).Append("</pre>");
            }

            html.Append("</div>");
        }

        return Html.Page($"Run #{run.Id}", html.ToString());
    }

    private static string Gone(string? elsewhere) => elsewhere is null
        ? "(the log is gone: older than server:log_retention)"
        : $"(no log here: replica {elsewhere} ran this run and did not store its log, or it is older than server:log_retention)";

    private static string Steps(RunRecord run)
    {
        if (run.Projects.Count == 0)
        {
            return "<p>No project ran.</p>";
        }

        var html = new StringBuilder("<table id=\"steps\"><thead><tr><th>Project</th><th>Step</th><th>Status</th><th>Took</th></tr></thead><tbody>");
        foreach (var project in run.Projects)
        {
            foreach (var step in project.Steps)
            {
                html.Append("<tr><td>").Append(Html.E(RunLogStream.Name(project)))
                    .Append("</td><td>").Append(Html.E(step.Name))
                    .Append("</td><td>").Append(Html.Status(step.Status.ToString().ToLowerInvariant()))
                    .Append("</td><td>").Append(Html.Seconds(step.Duration)).Append("</td></tr>");
            }
        }

        return html.Append("</tbody></table>").ToString();
    }
}
