using System.Security.Cryptography;
using System.Text;
using IaCBot.Core.Projects;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using LiteDB;

namespace IaCBot.Infrastructure.Storage.LiteDb;

/// <summary>Plan records in a collection, plan files in LiteDB's file storage under the same id.</summary>
internal sealed class LiteDbPlanStore : IPlanStore
{
    private readonly LiteDbContext _context;
    private readonly ILiteCollection<BsonDocument> _plans;

    public LiteDbPlanStore(LiteDbContext context)
    {
        _context = context;
        _plans = context.Collection("plans");
        _plans.EnsureIndex("pull");
    }

    public Task SaveAsync(PlanRecord plan, Stream planFile, CancellationToken cancellationToken)
    {
        var id = Id(plan);
        _context.Database.FileStorage.Upload(id, PlanFileName(plan), planFile);
        _plans.Upsert(ToDocument(id, plan));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PlanRecord>> ListAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PlanRecord>>(
            _plans.Find(Query.EQ("pull", pull.ToString())).Select(d => FromDocument(d, pull.Repo))
                .OrderBy(p => p.Project.Dir, StringComparer.Ordinal)
                .ThenBy(p => p.Project.Workspace, StringComparer.Ordinal)
                .ThenBy(p => p.Project.Name, StringComparer.Ordinal)
                .ToList());

    public Task<bool> ReadPlanFileAsync(PlanRecord plan, Stream destination, CancellationToken cancellationToken)
    {
        var id = Id(plan);
        if (!_context.Database.FileStorage.Exists(id))
        {
            return Task.FromResult(false);
        }

        _context.Database.FileStorage.Download(id, destination);
        return Task.FromResult(true);
    }

    public Task DeleteAsync(PlanRecord plan, CancellationToken cancellationToken)
    {
        Delete(Id(plan));
        return Task.CompletedTask;
    }

    public Task<int> DeleteAllAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        var ids = _plans.Find(Query.EQ("pull", pull.ToString())).Select(d => d["_id"].AsString).ToList();
        ids.ForEach(Delete);
        return Task.FromResult(ids.Count);
    }

    private void Delete(string id)
    {
        _plans.Delete(id);
        _context.Database.FileStorage.Delete(id);
    }

    /// <summary>A hash of the PR and project: stable, and made only of characters LiteDB's file ids accept.</summary>
    private static string Id(PlanRecord plan)
    {
        var key = $"{plan.Pull}\n{plan.Project.Dir}\n{plan.Project.Workspace}\n{plan.Project.Name}";
        return "plan-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private static string PlanFileName(PlanRecord plan) => $"{plan.Pull.Number}-{plan.Project.Workspace}.tfplan";

    private static BsonDocument ToDocument(string id, PlanRecord plan) => new()
    {
        ["_id"] = id,
        ["pull"] = plan.Pull.ToString(),
        ["number"] = plan.Pull.Number,
        ["dir"] = plan.Project.Dir,
        ["workspace"] = plan.Project.Workspace,
        ["name"] = plan.Project.Name is null ? BsonValue.Null : plan.Project.Name,
        ["applyRequirements"] = new BsonArray(plan.Project.ApplyRequirements.Select(r => new BsonValue(r))),
        ["headSha"] = plan.HeadSha,
        ["plannedBy"] = plan.PlannedBy,
        ["created"] = plan.CreatedAt.UtcDateTime,
        ["hasChanges"] = plan.HasChanges,
        ["summary"] = plan.Summary,
    };

    private static PlanRecord FromDocument(BsonDocument d, RepoId repo)
    {
        var project = new Project(
            new ProjectKey(d["dir"].AsString, d["workspace"].AsString),
            d["name"].IsNull ? null : d["name"].AsString,
            d["applyRequirements"].AsArray.Select(v => v.AsString).ToList());
        var created = new DateTimeOffset(DateTime.SpecifyKind(d["created"].AsDateTime, DateTimeKind.Utc));
        return new PlanRecord(
            new PullRequestRef(repo, d["number"].AsInt32), project, d["headSha"].AsString, d["plannedBy"].AsString,
            created, d["hasChanges"].AsBoolean, d["summary"].AsString);
    }
}
