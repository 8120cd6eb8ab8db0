using System.Collections.Concurrent;

namespace IaCBot.Core.Projects.Modules;

/// <summary>
/// The module calls of configuration files already parsed, keyed by the git blob id of their bytes, for every
/// checkout of the process: a new pull request is a new checkout of a repository whose files, all but the few it
/// changes, were parsed for earlier pull requests. An entry is added only for bytes that hash to its key (see
/// <see cref="GitIndex.TrackedCheckout"/>), so a file edited in one checkout can never stand in for another's.
/// </summary>
/// <remarks>
/// Bounded by a count, not by age: when full, it starts again empty. Entries are small (a few strings per file) and
/// the next choice refills what it needs, so a simple reset beats the bookkeeping of an LRU here.
/// </remarks>
internal sealed class ModuleCallsCache(int capacity)
{
    private readonly ConcurrentDictionary<(string BlobId, bool Json), ModuleCalls> entries = new();
    private int count;

    /// <summary>The cache every choice of projects shares: 50,000 files are about 10 MB.</summary>
    public static ModuleCallsCache Shared { get; } = new(50_000);

    public int Count => Volatile.Read(ref count);

    /// <summary>Looks up the calls of a blob; <paramref name="json"/> because the same bytes read as HCL or JSON differ.</summary>
    public bool TryGet(string blobId, bool json, out ModuleCalls calls) =>
        entries.TryGetValue((blobId, json), out calls!);

    public void Add(string blobId, bool json, ModuleCalls calls)
    {
        if (!entries.TryAdd((blobId, json), calls))
        {
            return;
        }

        if (Interlocked.Increment(ref count) > capacity)
        {
            entries.Clear();
            Interlocked.Exchange(ref count, 0);
        }
    }
}
