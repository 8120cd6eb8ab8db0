using System.Runtime.Versioning;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.Terraform;
using IaCBot.Infrastructure.Terraform;

namespace IaCBot.Infrastructure.Tests.Terraform;

/// <summary>Downloads with a signing key set: SHA256SUMS must carry the publisher's signature, checked with gpgv.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class SignedReleaseTests : IAsyncLifetime, IDisposable
{
    private static readonly ReleasePlatform LinuxAmd64 = new("linux", "amd64");
    private readonly FakeReleaseSite _site = new();
    private readonly HttpClient _http = new();
    private readonly string _root = Directory.CreateTempSubdirectory("iacbot-signed-").FullName;
    private TestSigningKey _publisher = null!;
    private TestSigningKey _stranger = null!;

    public async Task InitializeAsync()
    {
        _publisher = await TestSigningKey.CreateAsync("Release Publisher");
        _stranger = await TestSigningKey.CreateAsync("Someone Else");
    }

    public Task DisposeAsync()
    {
        _publisher.Dispose();
        _stranger.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _site.Dispose();
        _http.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_release_whose_checksums_the_publisher_signed_is_installed()
    {
        var sums = PublishTerraform("1.5.7");
        _site.Publish("terraform/1.5.7/terraform_1.5.7_SHA256SUMS.sig", await _publisher.SignAsync(sums));

        var binary = await Binaries(await KeyFileAsync(_publisher, armored: true)).ResolveAsync("1.5.7", TerraformDistribution.Terraform, CancellationToken.None);

        Assert.Equal(Path.Combine(_root, "bin", "1.5.7", "terraform"), binary);
        Assert.True(File.Exists(binary));
    }

    [Fact]
    public async Task Checksums_signed_by_another_key_are_refused_before_the_zip_is_fetched()
    {
        var sums = PublishTerraform("1.5.7");
        _site.Publish("terraform/1.5.7/terraform_1.5.7_SHA256SUMS.sig", await _stranger.SignAsync(sums));
        var key = await KeyFileAsync(_publisher, armored: true);

        var error = await Assert.ThrowsAsync<TerraformBinaryException>(() =>
            Binaries(key).ResolveAsync("1.5.7", TerraformDistribution.Terraform, CancellationToken.None));

        Assert.StartsWith($"terraform 1.5.7 was not downloaded: the signature of terraform_1.5.7_SHA256SUMS is not a good signature by the key in {key} (", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _site.Requests("terraform_1.5.7_linux_amd64.zip"));
        Assert.False(Directory.Exists(Path.Combine(_root, "bin", "1.5.7")) && Directory.EnumerateFileSystemEntries(Path.Combine(_root, "bin", "1.5.7")).Any());
    }

    [Fact]
    public async Task Checksums_changed_after_signing_are_refused()
    {
        var sums = PublishTerraform("1.5.7");
        var signature = await _publisher.SignAsync(sums);
        var forged = PublishTerraform("1.5.7", program: "#!/bin/sh\necho pwned\n");
        Assert.NotEqual(sums, forged);
        _site.Publish("terraform/1.5.7/terraform_1.5.7_SHA256SUMS.sig", signature);

        var key = await KeyFileAsync(_publisher, armored: false);

        var error = await Assert.ThrowsAsync<TerraformBinaryException>(() =>
            Binaries(key).ResolveAsync("1.5.7", TerraformDistribution.Terraform, CancellationToken.None));

        Assert.Contains("is not a good signature", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _site.Requests("terraform_1.5.7_linux_amd64.zip"));
    }

    [Fact]
    public async Task A_release_published_without_a_signature_is_refused_when_a_key_is_set()
    {
        PublishTerraform("1.5.7");

        var error = await Assert.ThrowsAsync<TerraformBinaryException>(async () =>
            await Binaries(await KeyFileAsync(_publisher, armored: true)).ResolveAsync("1.5.7", TerraformDistribution.Terraform, CancellationToken.None));

        Assert.Contains("terraform_1.5.7_SHA256SUMS.sig answered 404", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _site.Requests("terraform_1.5.7_linux_amd64.zip"));
    }

    [Fact]
    public async Task OpenTofu_releases_are_checked_against_their_gpgsig_with_the_OpenTofu_key()
    {
        var zip = ReleaseFiles.Zip(("tofu", ReleaseFiles.VersionScript("OpenTofu", "1.6.2")));
        var sums = ReleaseFiles.Sums("tofu", "1.6.2", zip);
        _site.Publish("v1.6.2/tofu_1.6.2_SHA256SUMS", sums);
        _site.Publish("v1.6.2/tofu_1.6.2_SHA256SUMS.gpgsig", await _stranger.SignAsync(sums));
        _site.Publish("v1.6.2/tofu_1.6.2_linux_amd64.zip", zip);
        var settings = Settings(terraformKey: await KeyFileAsync(_publisher, armored: true)) with { TofuSigningKey = await KeyFileAsync(_stranger, armored: true) };

        var binary = await new TerraformBinaries(_http, settings, LinuxAmd64).ResolveAsync("1.6.2", TerraformDistribution.OpenTofu, CancellationToken.None);

        Assert.Equal(Path.Combine(_root, "bin", "tofu", "1.6.2", "tofu"), binary);
    }

    private TerraformBinaries Binaries(string key) => new(_http, Settings(key), LinuxAmd64);

    private TerraformBinarySettings Settings(string terraformKey) =>
        new("terraform", "tofu", Path.Combine(_root, "bin"), true, _site.Url, _site.Url, [_root], terraformKey);

    private async Task<string> KeyFileAsync(TestSigningKey key, bool armored)
    {
        var path = Path.Combine(_root, $"{Guid.NewGuid():N}.{(armored ? "asc" : "gpg")}");
        await File.WriteAllBytesAsync(path, armored ? await key.ArmoredPublicKeyAsync() : await key.PublicKeyAsync());
        return path;
    }

    /// <summary>Publishes the zip and its SHA256SUMS (no signature) and returns the SHA256SUMS.</summary>
    private byte[] PublishTerraform(string version, string? program = null)
    {
        var zip = ReleaseFiles.Zip(("terraform", program ?? ReleaseFiles.VersionScript("Terraform", version)));
        var sums = ReleaseFiles.Sums("terraform", version, zip);
        _site.Publish($"terraform/{version}/terraform_{version}_SHA256SUMS", sums);
        _site.Publish($"terraform/{version}/terraform_{version}_linux_amd64.zip", zip);
        return sums;
    }
}
