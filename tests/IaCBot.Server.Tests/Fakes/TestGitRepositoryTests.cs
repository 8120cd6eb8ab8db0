namespace IaCBot.Server.Tests.Fakes;

public sealed class TestGitRepositoryTests : IDisposable
{
    private readonly TestGitRepository _repository = TestGitRepository.Create();
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "iacbot-clone-" + Guid.NewGuid().ToString("N"));

    public TestGitRepositoryTests() => Directory.CreateDirectory(_scratch);

    public void Dispose()
    {
        _repository.Dispose();
        foreach (var file in Directory.EnumerateFiles(_scratch, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public void A_new_branch_starts_from_the_default_branch_and_clones_with_git()
    {
        _repository.Commit("main", Files(("main.tf", "resource \"null_resource\" \"a\" {}\n")), "Add a");
        var sha = _repository.Commit("feature", Files(("envs/prod/main.tf", "# prod\n")), "Add prod");

        Git(_scratch, "clone", "--quiet", _repository.CloneUrl, "clone");
        var clone = Path.Combine(_scratch, "clone");
        Git(clone, "checkout", "--quiet", "feature");

        Assert.Equal(sha, _repository.Head("feature"));
        Assert.Equal(sha, Git(clone, "rev-parse", "HEAD"));
        Assert.Equal("# prod\n", File.ReadAllText(Path.Combine(clone, "envs", "prod", "main.tf")));
        Assert.True(File.Exists(Path.Combine(clone, "main.tf")));
        Assert.Equal("Add prod", Git(clone, "log", "-1", "--format=%s"));
    }

    [Fact]
    public void A_null_content_deletes_the_file_in_the_new_commit()
    {
        _repository.Commit("main", Files(("a.tf", "a"), ("b.tf", "b")), "Add two files");

        var sha = _repository.Commit("main", Files(("a.tf", null)), "Remove a");

        Assert.Equal(sha, _repository.Head("main"));
        Assert.Equal("b.tf", Git(_repository.Path, "ls-tree", "--name-only", sha));
    }

    [Fact]
    public void A_commit_can_be_fetched_by_its_sha_alone_as_the_server_fetches_a_pull_requests_head()
    {
        var sha = _repository.Commit("feature", Files(("main.tf", "# v1\n")), "v1");
        _repository.Commit("feature", Files(("main.tf", "# v2\n")), "v2");
        var checkout = Path.Combine(_scratch, "checkout");
        Directory.CreateDirectory(checkout);

        Git(checkout, "init", "--quiet");
        Git(checkout, "remote", "add", "origin", _repository.CloneUrl);
        Git(checkout, "fetch", "--quiet", "--no-tags", "--depth", "1", "origin", sha);
        Git(checkout, "checkout", "--quiet", "--detach", sha);

        Assert.Equal("# v1\n", File.ReadAllText(Path.Combine(checkout, "main.tf")));
    }

    [Fact]
    public void A_path_outside_the_repository_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _repository.Commit("main", Files(("../escape.tf", "x")), "Escape"));
    }

    private static Dictionary<string, string?> Files(params (string Path, string? Content)[] files) =>
        files.ToDictionary(f => f.Path, f => f.Content);

    private string Git(string directory, params string[] arguments) => GitCli.Run(directory, _scratch, arguments);
}
