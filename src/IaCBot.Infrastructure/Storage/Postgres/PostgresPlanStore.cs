using System.Data;
using IaCBot.Core.Projects;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using Npgsql;

namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>
/// Plans with their plan files as <c>bytea</c> in the same row, so any replica can apply a plan another made; the
/// file is streamed in and out (never held whole in memory) and read only when an apply asks for it. A project
/// without a name is stored under the empty name, since a primary key column cannot be null.
/// </summary>
internal sealed class PostgresPlanStore(PostgresDatabase database) : IPlanStore
{
    private const string Columns = "pull_key, dir, workspace, name, number, has_name, apply_requirements, head_sha, planned_by, created_at, has_changes, summary";

    private const string Upsert = $"""
        INSERT INTO iacbot.plans ({Columns}, plan_file)
        VALUES (@pull_key, @dir, @workspace, @name, @number, @has_name, @apply_requirements, @head_sha, @planned_by, @created_at,
                @has_changes, @summary, @plan_file)
        ON CONFLICT (pull_key, dir, workspace, name) DO UPDATE SET
            number = excluded.number, has_name = excluded.has_name, apply_requirements = excluded.apply_requirements,
            head_sha = excluded.head_sha, planned_by = excluded.planned_by, created_at = excluded.created_at,
            has_changes = excluded.has_changes, summary = excluded.summary, plan_file = excluded.plan_file
        """;

    private const string SelectPull = $"SELECT {Columns} FROM iacbot.plans WHERE pull_key = @pull_key";

    private const string Key = "pull_key = @pull_key AND dir = @dir AND workspace = @workspace AND name = @name";

    private const string SelectFile = $"SELECT plan_file FROM iacbot.plans WHERE {Key}";

    private const string DeleteOne = $"DELETE FROM iacbot.plans WHERE {Key}";

    private const string DeletePull = "DELETE FROM iacbot.plans WHERE pull_key = @pull_key";

    public async Task SaveAsync(PlanRecord plan, Stream planFile, CancellationToken cancellationToken)
    {
        await using var upsert = WithKey(await database.CommandAsync(Upsert, cancellationToken), plan)
            .With("number", plan.Pull.Number)
            .With("has_name", plan.Project.Name is not null)
            .With("apply_requirements", plan.Project.ApplyRequirements.ToArray())
            .With("head_sha", plan.HeadSha)
            .With("planned_by", plan.PlannedBy)
            .With("created_at", plan.CreatedAt)
            .With("has_changes", plan.HasChanges)
            .With("summary", plan.Summary)
            .With("plan_file", planFile);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PlanRecord>> ListAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        await using var select = (await database.CommandAsync(SelectPull, cancellationToken)).With("pull_key", pull.ToString());
        var plans = await select.ListAsync(row => Read(row, pull.Repo), cancellationToken);
        return [.. plans
            .OrderBy(p => p.Project.Dir, StringComparer.Ordinal)
            .ThenBy(p => p.Project.Workspace, StringComparer.Ordinal)
            .ThenBy(p => p.Project.Name, StringComparer.Ordinal)];
    }

    public async Task<bool> ReadPlanFileAsync(PlanRecord plan, Stream destination, CancellationToken cancellationToken)
    {
        await using var select = WithKey(await database.CommandAsync(SelectFile, cancellationToken), plan);
        // Sequential access streams the column from the wire instead of reading the row into memory first.
        await using var row = await select.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        if (!await row.ReadAsync(cancellationToken))
        {
            return false;
        }

        await using var file = await row.GetStreamAsync(0, cancellationToken);
        await file.CopyToAsync(destination, cancellationToken);
        return true;
    }

    public async Task DeleteAsync(PlanRecord plan, CancellationToken cancellationToken)
    {
        await using var delete = WithKey(await database.CommandAsync(DeleteOne, cancellationToken), plan);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteAllAsync(PullRequestRef pull, CancellationToken cancellationToken)
    {
        await using var delete = (await database.CommandAsync(DeletePull, cancellationToken)).With("pull_key", pull.ToString());
        return await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand WithKey(NpgsqlCommand command, PlanRecord plan) =>
        command.With("pull_key", plan.Pull.ToString())
            .With("dir", plan.Project.Dir)
            .With("workspace", plan.Project.Workspace)
            .With("name", plan.Project.Name ?? "");

    private static PlanRecord Read(NpgsqlDataReader row, RepoId repo)
    {
        var project = new Project(
            new ProjectKey(row.Get<string>("dir"), row.Get<string>("workspace")),
            row.Get<bool>("has_name") ? row.Get<string>("name") : null,
            row.Get<string[]>("apply_requirements"));
        return new PlanRecord(
            new PullRequestRef(repo, row.Get<int>("number")), project, row.Get<string>("head_sha"), row.Get<string>("planned_by"),
            row.Get<DateTimeOffset>("created_at"), row.Get<bool>("has_changes"), row.Get<string>("summary"));
    }
}
