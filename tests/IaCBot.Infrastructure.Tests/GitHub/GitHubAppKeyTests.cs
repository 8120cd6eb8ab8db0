using System.Security.Cryptography;
using IaCBot.Infrastructure.GitHub;

namespace IaCBot.Infrastructure.Tests.GitHub;

public sealed class GitHubAppKeyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_PKCS1_or_PKCS8_RSA_private_key_is_read(bool pkcs8)
    {
        using var key = new TestAppKey(pkcs8);

        Assert.True(GitHubAppKey.TryRead(key.Path, out var pem, out var problem), problem);
        Assert.Equal(key.Pem, pem);
    }

    [Fact]
    public void A_missing_key_file_is_named()
    {
        using var key = new TestAppKey();
        var missing = Path.Combine(Path.GetDirectoryName(key.Path)!, "nope.pem");

        Assert.False(GitHubAppKey.TryRead(missing, out _, out var problem));
        Assert.Equal($"'{missing}' does not exist.", problem);
    }

    [Fact]
    public void A_public_key_an_EC_key_and_other_text_are_refused_without_showing_the_file()
    {
        using var key = new TestAppKey();
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var files = new[]
        {
            key.Write("public.pem", key.Key.ExportSubjectPublicKeyInfoPem()),
            key.Write("ec.pem", ec.ExportPkcs8PrivateKeyPem()),
            key.Write("token.txt", "ghp_notakeyatall"),
            key.Write("broken.pem", key.Pem.Replace("MII", "XXX", StringComparison.Ordinal)),
        };

        foreach (var file in files)
        {
            Assert.False(GitHubAppKey.TryRead(file, out _, out var problem));
            Assert.Contains("holds no RSA private key in PEM form", problem, StringComparison.Ordinal);
            Assert.DoesNotContain("ghp_", problem, StringComparison.Ordinal);
            Assert.DoesNotContain("XXX", problem, StringComparison.Ordinal);
        }
    }
}
