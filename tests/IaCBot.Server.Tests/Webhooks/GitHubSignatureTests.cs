using System.Text;
using IaCBot.Server.Webhooks;

namespace IaCBot.Server.Tests.Webhooks;

public sealed class GitHubSignatureTests
{
    // The example from GitHub's documentation on validating deliveries.
    private const string Secret = "It's a Secret to Everybody";
    private const string Payload = "Hello, World!";
    private const string Signature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    [Fact]
    public void GitHubs_documented_example_is_valid()
    {
        Assert.True(GitHubSignature.IsValid(Encoding.UTF8.GetBytes(Payload), Signature, Secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18")]
    [InlineData("sha256=not-hex")]
    [InlineData("sha256=757107ea")]
    public void Anything_else_is_refused(string? header)
    {
        Assert.False(GitHubSignature.IsValid(Encoding.UTF8.GetBytes(Payload), header, Secret));
    }

    [Fact]
    public void A_changed_payload_no_longer_matches()
    {
        Assert.False(GitHubSignature.IsValid(Encoding.UTF8.GetBytes(Payload + " "), Signature, Secret));
    }
}
