using IaCBot.Core.Projects;
using IaCBot.Core.RunLogs;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Time.Testing;

namespace IaCBot.Core.Tests.RunLogs;

public sealed class RunLogArchiveTests : IDisposable
{
    private static readonly PullRequestRef Pull = new(new RepoId("github.com", "acme", "infra"), 42);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));
    private readonly string _dataDir = Directory.CreateTempSubdirectory("iacbot-archive-").FullName;
    private readonly InMemoryRunLogStore _store = new();
    private readonly RunLogArchive _archive;
    private readonly RunLog _log;

    public RunLogArchiveTests()
    {
        var settings = new RunLogSettings(_dataDir, null);
        _archive = new RunLogArchive(_store, settings, _time);
        _log = new RunLog(settings, _time);
        _log.Begin("17");
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public async Task A_finished_run_s_logs_are_read_back_from_the_store_as_written_once_the_files_are_gone()
    {
        var project = Write(_log.ForProject(Pull, new Project(new ProjectKey("app", "default"), null, []))!, "Plan: 1 to add, 0 to change, 0 to destroy. ✓\n");
        var hooks = Write(_log.ForHooks(Pull)!, "hook ran\n");

        await _archive.KeepAsync("17", _log.Files, CancellationToken.None);
        File.Delete(project.Path);
        File.Delete(hooks.Path);

        Assert.Equal("Plan: 1 to add, 0 to change, 0 to destroy. ✓\n", await _archive.ReadAsync(project.RelativePath, CancellationToken.None));
        Assert.Equal("hook ran\n", await _archive.ReadAsync(hooks.RelativePath, CancellationToken.None));
        Assert.All(_store.Logs, l => Assert.Equal(("17", _time.GetUtcNow()), (l.RunId, l.SavedAt)));
    }

    [Fact]
    public async Task A_log_too_long_to_keep_keeps_its_end_under_a_note_naming_the_whole_file()
    {
        var file = _log.ForProject(Pull, new Project(new ProjectKey("app", "default"), null, []))!;
        const string End = "\nError: the end is what matters\n";
        // Two bytes over the limit, so that the cut falls inside the two bytes of "é" and must drop its second byte.
        Write(file, "xé" + new string('a', RunLogArchive.MaxKeptBytes - 1 - End.Length) + End);

        await _archive.KeepAsync("17", _log.Files, CancellationToken.None);
        var kept = (await _archive.ReadAsync(file.RelativePath, CancellationToken.None))!;

        Assert.StartsWith($"[IaCBot kept only the last 1024 KiB of this 1024 KiB log; the whole log is {file.RelativePath} on the replica that ran it.]\naaa", kept, StringComparison.Ordinal);
        Assert.EndsWith("aaa" + End, kept, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', kept);
        Assert.DoesNotContain('é', kept);
        Assert.True(_store.Logs.Single().Gzip.Length < 64 * 1024, "the kept log is compressed");
    }

    [Fact]
    public async Task A_project_that_wrote_nothing_has_nothing_stored_and_an_unknown_log_reads_as_none()
    {
        var silent = _log.ForProject(Pull, new Project(new ProjectKey("quiet", "default"), null, []))!;

        await _archive.KeepAsync("17", _log.Files, CancellationToken.None);

        Assert.Empty(_store.Logs);
        Assert.Null(await _archive.ReadAsync(silent.RelativePath, CancellationToken.None));
    }

    private static LogFile Write(LogFile file, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
        File.WriteAllText(file.Path, text);
        return file;
    }
}
