using IaCBot.Core.RunLogs;

namespace IaCBot.Core.Tests.RunLogs;

public sealed class RunLogRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _logs = Directory.CreateTempSubdirectory("iacbot-logs-").FullName;

    public void Dispose() => Directory.Delete(_logs, recursive: true);

    [Fact]
    public void Logs_older_than_the_retention_go_with_their_emptied_folders_and_newer_ones_stay()
    {
        var old = Write("github.com/acme/infra/1/20250401-000000-3/dir-app.default.log", Now.AddDays(-40));
        var oldHooks = Write("github.com/acme/infra/1/20250401-000000-3/workflow-hooks.log", Now.AddDays(-31));
        var recent = Write("github.com/acme/infra/2/20250530-000000-9/dir-app.default.log", Now.AddDays(-2));

        var deleted = RunLogRetention.DeleteOlderThan(_logs, Now.AddDays(-30));

        Assert.Equal(2, deleted);
        Assert.False(File.Exists(old));
        Assert.False(File.Exists(oldHooks));
        Assert.False(Directory.Exists(Path.Combine(_logs, "github.com", "acme", "infra", "1")));
        Assert.True(File.Exists(recent));
        Assert.True(Directory.Exists(_logs));
    }

    [Fact]
    public void A_data_dir_without_logs_is_fine()
    {
        Assert.Equal(0, RunLogRetention.DeleteOlderThan(Path.Combine(_logs, "missing"), Now));
    }

    private string Write(string relative, DateTimeOffset lastWrite)
    {
        var path = Path.Combine(_logs, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "output\n");
        File.SetLastWriteTimeUtc(path, lastWrite.UtcDateTime);
        return path;
    }
}
