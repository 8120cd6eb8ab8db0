using Hangfire;
using Hangfire.Common;

namespace IaCBot.Server.Jobs;

/// <summary>
/// Hangfire's job filters less <see cref="CaptureCultureAttribute"/>. That filter stores the caller's culture as two
/// parameters of every job, and the SQLite queue commits each parameter on its own (synced), a third of the commits
/// of a queued job. The jobs need no culture: they format with the invariant culture throughout (CA1305).
/// </summary>
internal sealed class JobFiltersWithoutCulture(IJobFilterProvider filters) : IJobFilterProvider
{
    public IEnumerable<JobFilter> GetFilters(Job job) => filters.GetFilters(job).Where(f => f.Instance is not CaptureCultureAttribute);
}
