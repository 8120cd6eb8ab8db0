using System.Threading.Channels;
using IaCBot.Core.Projects;
using IaCBot.Core.RunLogs;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IaCBot.Core.Tests.RunLogs;

public sealed class RunLogCheckpointsTests : IDisposable
{
    private static readonly PullRequestRef Pull = new(new RepoId("github.com", "acme", "infra"), 42);
    private static readonly TimeSpan NoDeadlock = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));
    private readonly string _dataDir = Directory.CreateTempSubdirectory("iacbot-checkpoints-").FullName;
    private readonly SignallingStore _store = new();
    private readonly RunLogArchive _archive;
    private readonly RunLog _log;
    private readonly RunLogCheckpoints _checkpoints;
    private readonly LogFile _file;

    public RunLogCheckpointsTests()
    {
        var settings = new RunLogSettings(_dataDir, null);
        _archive = new RunLogArchive(_store, settings, _time);
        _log = new RunLog(settings, _time);
        _log.Begin("17");
        _checkpoints = new RunLogCheckpoints(_log, _archive, settings, _time, NullLogger<RunLogCheckpoints>.Instance);
        _file = _log.ForProject(Pull, new Project(new ProjectKey("app", "default"), null, []))!;
    }

    public void Dispose()
    {
        _checkpoints.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task While_a_run_goes_on_its_output_so_far_is_stored_under_a_note_saying_the_run_was_still_going()
    {
        Write("Initializing the backend...\n");
        _checkpoints.Start("17");

        _time.Advance(RunLogCheckpoints.Interval);
        await _store.NextSaveAsync().WaitAsync(NoDeadlock);
        Write("Plan: 1 to add, 0 to change, 0 to destroy.\n");
        _time.Advance(RunLogCheckpoints.Interval);
        await _store.NextSaveAsync().WaitAsync(NoDeadlock);

        Assert.Equal(
            "[IaCBot kept this copy at 2025-03-04 05:06:37 UTC while the run was still going: anything printed later is only on the replica that ran it.]\n"
            + "Initializing the backend...\nPlan: 1 to add, 0 to change, 0 to destroy.\n",
            await _archive.ReadAsync(_file.RelativePath, CancellationToken.None));
        Assert.Equal("17", _store.Saved.Single().RunId);
    }

    [Fact]
    public async Task Once_stopped_nothing_replaces_the_copy_kept_when_the_run_ended()
    {
        Write("Initializing the backend...\n");
        _checkpoints.Start("17");
        _time.Advance(RunLogCheckpoints.Interval);
        await _store.NextSaveAsync().WaitAsync(NoDeadlock);

        await _checkpoints.StopAsync();
        Write("Apply complete!\n");
        await _archive.KeepAsync("17", _log.Files, CancellationToken.None);
        await _store.NextSaveAsync().WaitAsync(NoDeadlock);
        _time.Advance(RunLogCheckpoints.Interval * 3);

        Assert.Equal("Initializing the backend...\nApply complete!\n", await _archive.ReadAsync(_file.RelativePath, CancellationToken.None));
        Assert.False(_store.HasUnreadSave, "a checkpoint was stored after the run's logs were kept for good");
    }

    [Fact]
    public async Task A_store_that_fails_for_a_moment_gets_the_output_at_the_next_checkpoint()
    {
        Write("Initializing the backend...\n");
        _store.FailNext = true;
        _checkpoints.Start("17");

        _time.Advance(RunLogCheckpoints.Interval);
        await _store.NextFailureAsync().WaitAsync(NoDeadlock);
        _time.Advance(RunLogCheckpoints.Interval);
        await _store.NextSaveAsync().WaitAsync(NoDeadlock);

        Assert.EndsWith("Initializing the backend...\n", await _archive.ReadAsync(_file.RelativePath, CancellationToken.None), StringComparison.Ordinal);
    }

    private void Write(string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file.Path)!);
        File.AppendAllText(_file.Path, text);
    }

    /// <summary>The in-memory store, telling the test each time a copy was stored (or refused).</summary>
    private sealed class SignallingStore : IRunLogStore
    {
        private readonly InMemoryRunLogStore _inner = new();
        private readonly Channel<StoredRunLog> _saves = Channel.CreateUnbounded<StoredRunLog>();
        private readonly Channel<bool> _failures = Channel.CreateUnbounded<bool>();

        public volatile bool FailNext;

        public IReadOnlyCollection<StoredRunLog> Saved => _inner.Logs;

        public bool HasUnreadSave => _saves.Reader.TryPeek(out _);

        public async Task<StoredRunLog> NextSaveAsync() => await _saves.Reader.ReadAsync();

        public async Task NextFailureAsync() => await _failures.Reader.ReadAsync();

        public async Task SaveAsync(StoredRunLog log, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                await _failures.Writer.WriteAsync(true, cancellationToken);
                throw new IOException("the database went away");
            }

            await _inner.SaveAsync(log, cancellationToken);
            await _saves.Writer.WriteAsync(log, cancellationToken);
        }

        public Task<StoredRunLog?> GetAsync(string path, CancellationToken cancellationToken) => _inner.GetAsync(path, cancellationToken);

        public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
            _inner.DeleteOlderThanAsync(cutoff, cancellationToken);
    }
}
