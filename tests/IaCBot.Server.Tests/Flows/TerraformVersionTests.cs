using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using IaCBot.Server.Tests.Harness;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace IaCBot.Server.Tests.Flows;

/// <summary>
/// A project's terraform_version is downloaded from a releases site (WireMock, shaped like
/// releases.hashicorp.com) and used only after its SHA256SUMS entry matches.
/// </summary>
public sealed class TerraformVersionTests : ServerTest, IDisposable
{
    private const string Version = "1.4.6";
    private readonly WireMockServer _releases = WireMockServer.Start();

    [Fact]
    public async Task A_project_asking_for_a_version_is_planned_with_that_version_downloaded_and_checked()
    {
        var zip = ReleaseZip();
        Serve(zip, Sums(zip));
        var pr = PullRequestAskingForTheVersion();

        await DeliverPullRequestAsync("opened", pr);

        await CommentContainingAsync(pr, "Ran plan");
        var plan = Assert.Single(TerraformRuns, r => r.Command == "plan");
        Assert.Equal(Version, plan.Env["FAKE_TERRAFORM_VERSION"]);
        Assert.True(File.Exists(Path.Combine(DataDir, "bin", Version, "terraform")));
    }

    [Fact]
    public async Task A_download_whose_checksum_does_not_match_is_never_run()
    {
        var zip = ReleaseZip();
        Serve(zip, Sums(Encoding.UTF8.GetBytes("something else")));
        var pr = PullRequestAskingForTheVersion();

        await DeliverPullRequestAsync("opened", pr);

        var comment = await CommentContainingAsync(pr, "Ran plan");
        Assert.Contains("The download was deleted", comment.Body, StringComparison.Ordinal);
        Assert.Contains("SHA256SUMS lists", comment.Body, StringComparison.Ordinal);
        Assert.Empty(TerraformRuns);
        Assert.False(File.Exists(Path.Combine(DataDir, "bin", Version, "terraform")));
    }

    public void Dispose() => _releases.Stop();

    private Fakes.FakePullRequest PullRequestAskingForTheVersion()
    {
        TestSettings["terraform:bin_dir"] = Path.Combine(DataDir, "bin");
        TestSettings["terraform:download"] = "true";
        TestSettings["terraform:download_url"] = _releases.Url + "/";
        return OpenPullRequest(1, new Dictionary<string, string?>
        {
            ["atlantis.yaml"] = $"version: 3\nprojects:\n- dir: app\n  terraform_version: v{Version}\n",
            ["app/main.tf"] = NullResource("a"),
        });
    }

    private void Serve(byte[] zip, string sums)
    {
        _releases.Given(Request.Create().WithPath($"/terraform/{Version}/terraform_{Version}_linux_amd64.zip").UsingGet())
            .RespondWith(Response.Create().WithBody(zip).WithHeader("Content-Type", "application/zip"));
        _releases.Given(Request.Create().WithPath($"/terraform/{Version}/terraform_{Version}_SHA256SUMS").UsingGet())
            .RespondWith(Response.Create().WithBody(sums).WithHeader("Content-Type", "text/plain"));
    }

    /// <summary>A release zip whose terraform is a script starting the fake terraform as that version.</summary>
    private static byte[] ReleaseZip()
    {
        var script = $"#!/bin/sh\nFAKE_TERRAFORM_VERSION={Version} exec '{FakeTerraformBinary.Path}' \"$@\"\n";
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry("terraform");
            entry.ExternalAttributes = Convert.ToInt32("100755", 8) << 16;
            using var writer = new StreamWriter(entry.Open());
            writer.Write(script);
        }

        return buffer.ToArray();
    }

    private static string Sums(byte[] zip) =>
        $"{new string('0', 64)}  terraform_{Version}_darwin_arm64.zip\n"
        + $"{Convert.ToHexStringLower(SHA256.HashData(zip))}  terraform_{Version}_linux_amd64.zip\n"
        + $"{new string('1', 64)}  terraform_{Version}_windows_amd64.zip\n";
}
