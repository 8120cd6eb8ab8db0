using IaCBot.Core.RepoConfig;
using IaCBot.Core.Tests.Projects;

namespace IaCBot.Core.Tests.RepoConfig;

public sealed class RepoConfigLoaderTests
{
    [Fact]
    public void A_repository_without_a_config_file_has_none()
    {
        using var checkout = new TempCheckout().With("main.tf");

        Assert.IsType<RepoConfigLoadResult.NotFound>(RepoConfigLoader.Load(checkout.Root));
    }

    [Fact]
    public void Atlantis_yaml_is_read_when_there_is_no_iacbot_yaml()
    {
        using var checkout = new TempCheckout();
        checkout.Write("atlantis.yaml", ConfigText.Fixture("automerge.atlantis.yaml"));

        var loaded = Assert.IsType<RepoConfigLoadResult.Loaded>(RepoConfigLoader.Load(checkout.Root));

        Assert.Equal("atlantis.yaml", loaded.FileName);
        Assert.Equal(["dir1", "dir2"], loaded.Config.Projects.Select(p => p.Dir));
    }

    [Fact]
    public void Iacbot_yaml_wins_over_atlantis_yaml()
    {
        using var checkout = new TempCheckout();
        checkout.Write("atlantis.yaml", "version: 3\nprojects: [{dir: from-atlantis}]");
        checkout.Write("iacbot.yaml", "version: 3\nprojects: [{dir: from-iacbot}]");

        var loaded = Assert.IsType<RepoConfigLoadResult.Loaded>(RepoConfigLoader.Load(checkout.Root));

        Assert.Equal("iacbot.yaml", loaded.FileName);
        Assert.Equal("from-iacbot", Assert.Single(loaded.Config.Projects).Dir);
    }

    [Theory]
    [InlineData("atlantis.yml", "IaCBot reads `atlantis.yaml`, not `atlantis.yml`: rename the file to `atlantis.yaml`.")]
    [InlineData("iacbot.yml", "IaCBot reads `iacbot.yaml`, not `iacbot.yml`: rename the file to `iacbot.yaml`.")]
    public void A_config_with_the_yml_extension_is_refused_with_a_rename_hint(string fileName, string expected)
    {
        using var checkout = new TempCheckout();
        checkout.Write(fileName, "version: 3");

        var invalid = Assert.IsType<RepoConfigLoadResult.Invalid>(RepoConfigLoader.Load(checkout.Root));

        Assert.Equal(fileName, invalid.FileName);
        Assert.Equal(new ConfigError(fileName, 1, 1, expected), Assert.Single(invalid.Errors));
    }

    [Fact]
    public void A_yml_file_beside_the_right_yaml_file_is_ignored()
    {
        using var checkout = new TempCheckout();
        checkout.Write("atlantis.yaml", "version: 3");
        checkout.Write("atlantis.yml", "not: read");

        Assert.IsType<RepoConfigLoadResult.Loaded>(RepoConfigLoader.Load(checkout.Root));
    }

    [Fact]
    public void Errors_of_a_loaded_file_name_that_file()
    {
        using var checkout = new TempCheckout();
        checkout.Write("iacbot.yaml", "version: 3\nprojects:\n- name: a");

        var invalid = Assert.IsType<RepoConfigLoadResult.Invalid>(RepoConfigLoader.Load(checkout.Root));

        Assert.StartsWith("iacbot.yaml:3:3: This project has no `dir`", Assert.Single(invalid.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        using var checkout = new TempCheckout();
        checkout.Write("atlantis.yaml", "version: 3\n# " + new string('x', 1024 * 1024));

        var invalid = Assert.IsType<RepoConfigLoadResult.Invalid>(RepoConfigLoader.Load(checkout.Root));

        Assert.Contains("larger than 1 MiB", Assert.Single(invalid.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_that_is_a_symbolic_link_is_not_followed()
    {
        using var checkout = new TempCheckout();
        var outside = Path.GetTempFileName();
        try
        {
            File.WriteAllText(outside, "secret: value");
            File.CreateSymbolicLink(Path.Combine(checkout.Root, "atlantis.yaml"), outside);

            var invalid = Assert.IsType<RepoConfigLoadResult.Invalid>(RepoConfigLoader.Load(checkout.Root));

            Assert.Equal("The file is a symbolic link; IaCBot reads only a regular file here.", Assert.Single(invalid.Errors).Message);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void Server_workflows_passed_to_the_loader_may_be_named_by_projects()
    {
        using var checkout = new TempCheckout();
        checkout.Write("atlantis.yaml", ConfigText.Fixture("server-side-cfg.atlantis.yaml"));

        var result = RepoConfigLoader.Load(checkout.Root, new RepoConfigParseOptions(["staging"]));

        Assert.IsType<RepoConfigLoadResult.Loaded>(result);
    }
}
