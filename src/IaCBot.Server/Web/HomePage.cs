using System.Text;
using IaCBot.Core.Locking;
using IaCBot.Core.RunHistory;
using IaCBot.Core.Storage;
using IaCBot.Server.Api;
using Microsoft.AspNetCore.Antiforgery;

namespace IaCBot.Server.Web;

/// <summary><c>/</c>: the held locks, the runs in progress, the latest runs and the switch that disables every apply.</summary>
internal static class HomePage
{
    public static async Task<IResult> RenderAsync(
        HttpContext context, ILockStore locks, IRunHistory history, IApplyLockStore applyLock, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var held = await locks.ListAsync(cancellationToken);
        var running = await history.ListAsync(new RunQuery(RunningOnly: true, Limit: 100), cancellationToken);
        var latest = await history.ListAsync(new RunQuery(Limit: 30), cancellationToken);
        var html = new StringBuilder()
            .Append(ApplySwitch(context, antiforgery, await applyLock.GetAsync(cancellationToken)))
            .Append("<h2>Locks</h2>").Append(LockTable(held))
            .Append("<h2>Running</h2>").Append(RunTable.Render(running, "Nothing is running."))
            .Append("<h2>Latest runs</h2>").Append(RunTable.Render(latest, "No runs yet."));
        return Html.Page("IaCBot", html.ToString());
    }

    private static string ApplySwitch(HttpContext context, IAntiforgery antiforgery, ApplyLock? current) => current is null
        ? "<p>Applies are <b>enabled</b>.</p>" + Forms.Post(context, antiforgery, "/apply-lock", "<input type=\"hidden\" name=\"action\" value=\"disable\">" +
            "<label>Reason <input name=\"reason\" maxlength=\"500\"></label> ", "Disable all applies")
        : $"<p>Applies are <b>disabled</b> since {Html.When(current.Since)} by {Html.E(current.SetBy)}" +
            (current.Reason is { } reason ? $": {Html.E(reason)}" : "") + ".</p>" +
            Forms.Post(context, antiforgery, "/apply-lock", "<input type=\"hidden\" name=\"action\" value=\"enable\">", "Enable applies");

    private static string LockTable(IReadOnlyList<ProjectLock> held)
    {
        if (held.Count == 0)
        {
            return "<p>No locks are held.</p>";
        }

        var html = new StringBuilder("<table id=\"locks\"><thead><tr><th>Repository</th><th>Project / dir</th><th>Workspace</th><th>Pull request</th><th>By</th><th>Since</th><th></th></tr></thead><tbody>");
        foreach (var l in held)
        {
            html.Append("<tr><td>").Append(Html.E(l.Key.Repo.ToString()))
                .Append("</td><td>").Append(l.ProjectName is { } name ? Html.E(name) + " (" + Html.E(l.Key.Dir) + ")" : Html.E(l.Key.Dir))
                .Append("</td><td>").Append(Html.E(l.Key.Workspace))
                .Append("</td><td>").Append(PullLinks.Cell(l.Pull))
                .Append("</td><td>").Append(Html.E(l.User))
                .Append("</td><td>").Append(Html.When(l.Since))
                .Append("</td><td>").Append(Html.Link($"/locks/{LockIds.Encode(l.Key.Id)}", "Details")).Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}
