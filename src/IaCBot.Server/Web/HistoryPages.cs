using System.Text;
using IaCBot.Core.RunHistory;
using IaCBot.Core.Vcs;

namespace IaCBot.Server.Web;

/// <summary>The PR page (every run of one pull request, newest first) and the audit page (every command, by repository).</summary>
internal static class HistoryPages
{
    private const int AuditRows = 500;

    public static async Task<IResult> PullAsync(string? repo, int? number, IRunHistory history, CancellationToken cancellationToken)
    {
        if (ParseRepo(repo) is not { } repoId || number is not > 0)
        {
            return Html.NotFound("Give a repository (host/owner/name) and a pull request number.");
        }

        var pull = new PullRequestRef(repoId, number.Value);
        var runs = await history.ListAsync(new RunQuery(Pull: pull, Limit: AuditRows), cancellationToken);
        var body = $"<p><a href=\"{Html.E(PullLinks.OnHost(pull))}\" rel=\"noreferrer\">Open on {Html.E(repoId.Host)}</a></p>" +
            RunTable.Render(runs, "No runs for this pull request.");
        return Html.Page($"Pull request {pull}", body);
    }

    public static async Task<IResult> AuditAsync(string? repo, IRunHistory history, CancellationToken cancellationToken)
    {
        var runs = await history.ListAsync(new RunQuery(Repo: string.IsNullOrWhiteSpace(repo) ? null : repo.Trim(), Limit: AuditRows), cancellationToken);
        var body = new StringBuilder()
            .Append("<form method=\"get\" action=\"/audit\"><label>Repository (host/owner/name) ")
            .Append($"<input name=\"repo\" value=\"{Html.E(repo)}\" size=\"40\"></label> <button type=\"submit\">Filter</button></form>")
            .Append($"<p>The latest {AuditRows} commands, newest first.</p>")
            .Append(RunTable.Render(runs, "No commands yet."));
        return Html.Page("Audit", body.ToString());
    }

    /// <summary>host/owner/name, where a GitLab owner may be a path of groups.</summary>
    private static RepoId? ParseRepo(string? repo)
    {
        var parts = (repo ?? "").Trim('/').Split('/');
        return parts.Length >= 3 && parts.All(p => p.Length > 0)
            ? new RepoId(parts[0], string.Join('/', parts[1..^1]), parts[^1])
            : null;
    }
}
