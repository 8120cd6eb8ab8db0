using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Tests.Doubles;

/// <summary>Saved plans in a list, one per pull request and project, as the real store keys them.</summary>
internal sealed class InMemoryPlanStore : IPlanStore
{
    private readonly List<PlanRecord> _plans = [];

    public IReadOnlyList<PlanRecord> All => _plans.ToList();

    public Task SaveAsync(PlanRecord plan, Stream planFile, CancellationToken cancellationToken)
    {
        _plans.RemoveAll(p => SameProject(p, plan));
        _plans.Add(plan);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PlanRecord>> ListAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PlanRecord>>(_plans.Where(p => p.Pull == pull).ToList());

    public Task<bool> ReadPlanFileAsync(PlanRecord plan, Stream destination, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task DeleteAsync(PlanRecord plan, CancellationToken cancellationToken)
    {
        _plans.RemoveAll(p => SameProject(p, plan));
        return Task.CompletedTask;
    }

    public Task<int> DeleteAllAsync(PullRequestRef pull, CancellationToken cancellationToken) =>
        Task.FromResult(_plans.RemoveAll(p => p.Pull == pull));

    private static bool SameProject(PlanRecord a, PlanRecord b) =>
        a.Pull == b.Pull && a.Project.Dir == b.Project.Dir && a.Project.Workspace == b.Project.Workspace && a.Project.Name == b.Project.Name;
}
