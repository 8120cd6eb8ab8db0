using IaCBot.Core.Projects;
using IaCBot.Core.RunLogs;
using IaCBot.Core.Vcs;
using Microsoft.Extensions.Time.Testing;

namespace IaCBot.Core.Tests.RunLogs;

public sealed class RunLogTests
{
    private static readonly PullRequestRef Pull = new(new RepoId("github.com", "acme", "infra"), 42);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));

    [Fact]
    public void A_project_s_log_lives_under_the_pull_request_and_the_run_started_time_and_id()
    {
        var log = Started(new RunLogSettings("/data", null));

        var file = log.ForProject(Pull, Project("envs/prod", "staging"))!;

        Assert.Equal("logs/github.com/acme/infra/42/20250304-050607-17/dir-envs_prod.staging.log", file.RelativePath);
        Assert.Equal(Path.Combine("/data", "logs", "github.com", "acme", "infra", "42", "20250304-050607-17", "dir-envs_prod.staging.log"), file.Path);
        Assert.Null(file.Url);
    }

    [Fact]
    public void Named_projects_the_root_directory_and_the_hooks_get_files_of_their_own()
    {
        var log = Started(new RunLogSettings("/data", null));

        Assert.EndsWith("/project-network.default.log", log.ForProject(Pull, Project("envs/prod", name: "network"))!.RelativePath, StringComparison.Ordinal);
        Assert.EndsWith("/dir-root.default.log", log.ForProject(Pull, Project("."))!.RelativePath, StringComparison.Ordinal);
        Assert.EndsWith("/workflow-hooks.log", log.ForHooks(Pull)!.RelativePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_that_would_leave_the_run_s_folder_or_collide_are_made_safe_and_distinct()
    {
        var log = Started(new RunLogSettings("/data", null));

        var escaping = log.ForProject(Pull, Project(".", name: "../../etc/passwd"))!;
        var slashed = log.ForProject(Pull, Project("a/b"))!;
        var underscored = log.ForProject(Pull, Project("a_b"))!;

        Assert.EndsWith("/project-_.._etc_passwd.default.log", escaping.RelativePath, StringComparison.Ordinal);
        Assert.StartsWith(Path.Combine("/data", "logs", "github.com", "acme", "infra", "42"), Path.GetFullPath(escaping.Path), StringComparison.Ordinal);
        Assert.NotEqual(slashed.Path, underscored.Path);
        Assert.Equal(slashed.Path, log.ForProject(Pull, Project("a/b"))!.Path);
    }

    [Fact]
    public void With_a_public_url_a_log_has_a_link_under_runs()
    {
        var log = Started(new RunLogSettings("/data", new Uri("https://bots.example.com/iacbot")));

        var file = log.ForProject(Pull, Project("app", name: "my app"))!;

        Assert.Equal("https://bots.example.com/iacbot/runs/github.com/acme/infra/42/20250304-050607-17/project-my-app.default.log", file.Url!.AbsoluteUri);
    }

    [Fact]
    public void Outside_a_run_nothing_is_logged_to_a_file()
    {
        var log = new RunLog(new RunLogSettings("/data", null), _time);

        Assert.Null(log.ForProject(Pull, Project("app")));
        Assert.Null(log.ForHooks(Pull));
    }

    private RunLog Started(RunLogSettings settings)
    {
        var log = new RunLog(settings, _time);
        log.Begin("17");
        return log;
    }

    private static Project Project(string dir, string workspace = ProjectKey.DefaultWorkspace, string? name = null) =>
        new(new ProjectKey(dir, workspace), name, []);
}
