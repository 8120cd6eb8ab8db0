using IaCBot.Core.Projects.Modules;
using static IaCBot.Core.Tests.Projects.ModuleCheckout;

namespace IaCBot.Core.Tests.Projects.Modules;

public sealed class CheckoutIndexTests : IDisposable
{
    private readonly TempCheckout checkout = new();

    public void Dispose() => checkout.Dispose();

    [Fact]
    public void Every_directory_is_walked_and_those_with_configuration_hold_their_files_module_calls()
    {
        checkout.WithModules(
            ("main.tf", Calling("./app")),
            ("app/main.tf", Calling("../modules/net")),
            ("app/backend.tf.json", """{"terraform": {"backend": {"s3": {}}}}"""),
            ("app/extra.tofu", Calling("../modules/db")),
            ("modules/net/main.tofu.json", """{"variable": {"cidr": {}}}"""),
            ("docs/guide/readme.md", "# not terraform\n"));

        var index = CheckoutIndex.Build(checkout.Root);

        Assert.All([".", "app", "modules", "modules/net", "docs", "docs/guide"], dir => Assert.True(index.Walked(dir), dir));
        Assert.Equal([".", "app", "modules/net"], index.Terraform.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["../modules/db", "../modules/net"], index.Terraform["app"].Sources.Order(StringComparer.Ordinal));
        Assert.True(index.Terraform["app"].DeclaresBackend);
        Assert.Empty(index.Terraform["modules/net"].Sources);
    }

    [Fact]
    public void Git_and_terraform_working_directories_are_not_walked()
    {
        checkout.With(".git/modules/x/main.tf", "app/.terraform/modules/vpc/main.tf", "app/main.tf");

        var index = CheckoutIndex.Build(checkout.Root);

        Assert.False(index.Walked(".git"));
        Assert.False(index.Walked("app/.terraform"));
        Assert.Equal(["app"], index.Terraform.Keys);
    }

    [Fact]
    public void A_link_to_a_directory_is_not_followed()
    {
        checkout.With("real/main.tf");
        Directory.CreateSymbolicLink(Path.Combine(checkout.Root, "linked"), Path.Combine(checkout.Root, "real"));

        var index = CheckoutIndex.Build(checkout.Root);

        Assert.False(index.Walked("linked"));
        Assert.Equal(["real"], index.Terraform.Keys);
    }

    [Fact]
    public void Thousands_of_directories_listed_on_several_threads_are_all_found()
    {
        var dirs = Enumerable.Range(0, 1500).Select(i => $"envs/e{i:D4}").ToArray();
        checkout.With([.. dirs.Select(dir => dir + "/main.tf")]);

        var index = CheckoutIndex.Build(checkout.Root);

        Assert.Equal(dirs, index.Terraform.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_checkout_is_an_empty_index()
    {
        var index = CheckoutIndex.Build(Path.Combine(checkout.Root, "gone"));

        Assert.Empty(index.Terraform);
        Assert.False(index.Walked("."));
    }
}
