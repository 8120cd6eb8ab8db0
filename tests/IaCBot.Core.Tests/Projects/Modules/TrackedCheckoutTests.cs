using System.Buffers.Binary;
using System.Security.Cryptography;
using IaCBot.Core.Projects;
using IaCBot.Core.Projects.Modules;
using IaCBot.Core.Tests.RepoConfig;
using static IaCBot.Core.Tests.Projects.ModuleCheckout;

namespace IaCBot.Core.Tests.Projects.Modules;

/// <summary>
/// A checkout that is a git work tree is read from its index: the same directories and module calls as a walk, files
/// parsed once per blob for every checkout of the process, and the work tree still the truth when it differs.
/// </summary>
public sealed class TrackedCheckoutTests : IDisposable
{
    private readonly List<TempCheckout> checkouts = [];
    private readonly ModuleCallsCache cache = new(1000);

    public void Dispose() => checkouts.ForEach(c => c.Dispose());

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void The_index_finds_the_same_directories_and_module_calls_as_the_walk(int indexVersion)
    {
        var repo = Repository();
        File.CreateSymbolicLink(Path.Combine(repo.Root, "app/providers.tf"), "../shared/providers.tf");
        GitWorkTree.Git(repo.Root, "add", "--all");
        GitWorkTree.Git(repo.Root, "-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "--quiet", "-m", "link");
        GitWorkTree.Git(repo.Root, "update-index", "--index-version", indexVersion.ToString());

        var tracked = CheckoutIndex.Build(repo.Root, cache);
        var walked = CheckoutIndex.Walk(repo.Root);

        Assert.True(tracked.FromGitIndex);
        Assert.Equal(Describe(walked), Describe(tracked));
        Assert.All(tracked.Terraform.Keys, dir => Assert.True(tracked.Walked(dir), dir));
    }

    [Theory]
    [InlineData("modules/vpc/main.tofu", null)]
    [InlineData("modules/db/main.tf", null)]
    [InlineData("envs/prod/env/prod.tfvars", null)]
    [InlineData("modules/vpc/main.tofu", "version: 3\nprojects: [{dir: envs/*}, {dir: app}]")]
    public void Projects_chosen_from_the_index_are_those_chosen_by_the_walk(string changed, string? configText)
    {
        var repo = Repository();
        var config = configText is null ? null : ConfigText.Valid(configText);
        var fromIndex = ProjectFinder.FindForChanges([changed], config, repo.Root, "main");
        Directory.Move(Path.Combine(repo.Root, ".git"), Path.Combine(repo.Root, "git-away"));

        var walked = ProjectFinder.FindForChanges([changed], config, repo.Root, "main");

        Assert.NotEmpty(walked);
        Assert.Equal(walked, fromIndex);
    }

    [Fact]
    public void A_second_checkout_of_the_same_repository_reads_no_file_it_was_not_changed_in()
    {
        var repo = Repository();
        var first = Keep(GitWorkTree.Clone(repo));
        var second = Keep(GitWorkTree.Clone(repo));
        second.Write("envs/prod/main.tf", Backend + Calling("../../modules/db"));
        GitWorkTree.Git(second.Root, "add", "--all");
        GitWorkTree.Git(second.Root, "-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "--quiet", "-m", "db");

        var cold = CheckoutIndex.Build(first.Root, cache);
        var again = CheckoutIndex.Build(first.Root, cache);
        var changedPr = CheckoutIndex.Build(second.Root, cache);

        Assert.Equal(5, cold.FilesRead);
        Assert.Equal(0, again.FilesRead);
        Assert.Equal(1, changedPr.FilesRead);
        Assert.Equal(["../../modules/db"], changedPr.Terraform["envs/prod"].Sources);
    }

    [Fact]
    public void An_edited_tracked_file_of_the_same_size_in_the_same_second_is_seen()
    {
        var clone = Keep(GitWorkTree.Clone(Repository()));
        CheckoutIndex.Build(clone.Root, cache);
        var path = Path.Combine(clone.Root, "envs/prod/main.tf");
        var recorded = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("modules/vpc", "modules/db_", StringComparison.Ordinal));
        var sameSecond = new DateTime(recorded.Ticks - (recorded.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, sameSecond == recorded ? sameSecond.AddMilliseconds(500) : sameSecond);

        var index = CheckoutIndex.Build(clone.Root, cache);

        Assert.True(index.FromGitIndex);
        Assert.Equal(["../../modules/db_"], index.Terraform["envs/prod"].Sources);
    }

    [Fact]
    public void A_file_edited_in_one_checkout_never_stands_in_for_another_checkout()
    {
        var repo = Repository();
        var edited = Keep(GitWorkTree.Clone(repo));
        var other = Keep(GitWorkTree.Clone(repo));
        var path = Path.Combine(edited.Root, "envs/prod/main.tf");
        var recorded = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("modules/vpc", "modules/db_", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, recorded);

        // Size and mtime are those the index recorded: only the blob id of the bytes read tells the edit apart.
        var fromEdited = CheckoutIndex.Build(edited.Root, cache);
        var fromOther = CheckoutIndex.Build(other.Root, cache);

        Assert.Equal(["../../modules/db_"], fromEdited.Terraform["envs/prod"].Sources);
        Assert.Equal(["../../modules/vpc"], fromOther.Terraform["envs/prod"].Sources);
    }

    [Fact]
    public void A_tracked_file_deleted_from_the_work_tree_is_gone()
    {
        var clone = Keep(GitWorkTree.Clone(Repository()));
        File.Delete(Path.Combine(clone.Root, "modules/db/main.tf"));

        var index = CheckoutIndex.Build(clone.Root, cache);

        Assert.True(index.FromGitIndex);
        Assert.False(index.Terraform.ContainsKey("modules/db"));
        Assert.False(index.Walked("modules/db"));
    }

    [Fact]
    public void An_untracked_configuration_file_left_in_the_checkout_is_not_read()
    {
        var clone = Keep(GitWorkTree.Clone(Repository()));
        clone.Write("envs/leftover/main.tf", Calling("../../modules/vpc"));

        var projects = ProjectFinder.FindForChanges(["modules/vpc/main.tf"], null, clone.Root, "main");

        Assert.Equal(["app", "envs/prod"], projects.Select(p => p.Dir));
    }

    [Theory]
    [InlineData("corrupt")]
    [InlineData("version 5")]
    [InlineData("mandatory extension")]
    [InlineData("empty")]
    public void An_index_it_cannot_read_falls_back_to_the_walk(string damage)
    {
        var clone = Keep(GitWorkTree.Clone(Repository()));
        var indexPath = Path.Combine(clone.Root, ".git", "index");
        File.WriteAllBytes(indexPath, Damaged(File.ReadAllBytes(indexPath), damage));

        var index = CheckoutIndex.Build(clone.Root, cache);
        var projects = ProjectFinder.FindForChanges(["modules/vpc/main.tf"], null, clone.Root, "main");

        Assert.False(index.FromGitIndex);
        Assert.Equal(Describe(CheckoutIndex.Walk(clone.Root)), Describe(index));
        Assert.Equal(["app", "envs/prod"], projects.Select(p => p.Dir));
    }

    private TempCheckout Repository() => Keep(new TempCheckout().WithModules(
        ("envs/prod/main.tf", Backend + Calling("../../modules/vpc")),
        ("envs/prod/env/prod.tfvars", "cidr = \"10.0.0.0/16\"\n"),
        ("app/main.tf.json", """{"module": {"net": {"source": "../modules/vpc"}}}"""),
        ("modules/vpc/main.tofu", "variable \"cidr\" {}\n"),
        ("modules/db/main.tf", "variable \"size\" {}\n"),
        ("shared/providers.tf", Calling("../modules/db")),
        ("app/.terraform/modules/x/main.tf", Calling("../../y")),
        ("docs/readme.md", "# docs\n")).Committed());

    private TempCheckout Keep(TempCheckout checkout)
    {
        checkouts.Add(checkout);
        return checkout;
    }

    private static string[] Describe(CheckoutIndex index) => index.Terraform
        .OrderBy(pair => pair.Key, StringComparer.Ordinal)
        .Select(pair => $"{pair.Key}: {string.Join(", ", pair.Value.Sources.Order(StringComparer.Ordinal))} backend={pair.Value.DeclaresBackend}")
        .ToArray();

    private static byte[] Damaged(byte[] index, string damage)
    {
        switch (damage)
        {
            case "corrupt":
                index[index.Length / 2] ^= 0xff;
                return index;
            case "version 5":
                BinaryPrimitives.WriteUInt32BigEndian(index.AsSpan(4), 5);
                return Resealed(index[..^20]);
            case "mandatory extension":
                return Resealed([.. index[..^20], .. "link"u8, 0, 0, 0, 0]);
            default:
                return [];
        }
    }

#pragma warning disable CA5350 // The index's checksum is SHA-1.
    private static byte[] Resealed(byte[] body) => [.. body, .. SHA1.HashData(body)];
#pragma warning restore CA5350
}
