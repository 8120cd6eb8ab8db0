using IaCBot.Core.Storage;
using IaCBot.Server.Api;
using Microsoft.AspNetCore.Antiforgery;

namespace IaCBot.Server.Web;

/// <summary><c>/locks/{id}</c>: one lock and its Unlock button, which discards the plan and tells the PR.</summary>
internal static class LockPage
{
    public static async Task<IResult> RenderAsync(
        string id, HttpContext context, ILockStore locks, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var keyId = LockIds.Decode(id);
        var held = (await locks.ListAsync(cancellationToken)).FirstOrDefault(l => l.Key.Id == keyId);
        if (held is null)
        {
            return Html.NotFound("This lock is not held (any more).");
        }

        var body = "<table>" +
            $"<tr><th>Repository</th><td>{Html.E(held.Key.Repo.ToString())}</td></tr>" +
            $"<tr><th>Project</th><td>{Html.E(held.ProjectName ?? "")}</td></tr>" +
            $"<tr><th>Directory</th><td>{Html.E(held.Key.Dir)}</td></tr>" +
            $"<tr><th>Workspace</th><td>{Html.E(held.Key.Workspace)}</td></tr>" +
            $"<tr><th>Pull request</th><td>{PullLinks.Cell(held.Pull)}</td></tr>" +
            $"<tr><th>Locked by</th><td>{Html.E(held.User)}</td></tr>" +
            $"<tr><th>Since</th><td>{Html.When(held.Since)}</td></tr></table>" +
            "<p>Unlocking discards this project's plan on the pull request and comments there that it was discarded through the web UI.</p>" +
            Forms.Post(context, antiforgery, $"/locks/{id}/unlock", "", "Unlock");
        return Html.Page($"Lock {held.Key.Id}", body);
    }
}
