using IaCBot.Core.Locking;

namespace IaCBot.Server.Api;

/// <summary>A held lock as the API shows it; <see cref="Id"/> is what <c>DELETE /api/locks/{id}</c> takes.</summary>
internal sealed record LockView(
    string Id, string Key, string Repository, string Dir, string Workspace, string? Project, int Pull, string User, DateTimeOffset Since)
{
    public static LockView Of(ProjectLock held) => new(
        LockIds.Encode(held.Key.Id), held.Key.Id, held.Key.Repo.ToString(), held.Key.Dir, held.Key.Workspace, held.ProjectName,
        held.Pull.Number, held.User, held.Since);
}
