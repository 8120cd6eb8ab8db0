using System.Runtime.Versioning;
using CliWrap;
using CliWrap.Buffered;

namespace IaCBot.Infrastructure.Tests.Terraform;

/// <summary>
/// A publisher's OpenPGP key made for one test with GnuPG in a home of its own (never the user's keyring): it signs
/// files as HashiCorp and OpenTofu sign their SHA256SUMS, and gives its public key as they publish it.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class TestSigningKey : IDisposable
{
    private readonly string _home;
    private readonly string _uid;

    private TestSigningKey(string home, string uid)
    {
        _home = home;
        _uid = uid;
    }

    public static async Task<TestSigningKey> CreateAsync(string name)
    {
        var home = Directory.CreateTempSubdirectory("iacbot-gnupg-").FullName;
        File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var key = new TestSigningKey(home, $"{name} <{name.ToLowerInvariant().Replace(' ', '-')}@example.test>");
        await key.GpgAsync(["--passphrase", "", "--quick-gen-key", key._uid, "ed25519", "sign", "never"]);
        return key;
    }

    /// <summary>The public key ASCII-armored, as a publisher's web page gives it.</summary>
    public async Task<byte[]> ArmoredPublicKeyAsync() => await GpgAsync(["--armor", "--export", _uid]);

    /// <summary>The public key as binary packets (<c>gpg --export</c>).</summary>
    public async Task<byte[]> PublicKeyAsync() => await GpgAsync(["--export", _uid]);

    /// <summary>A detached binary signature of <paramref name="content"/>.</summary>
    public async Task<byte[]> SignAsync(byte[] content)
    {
        var file = Path.Combine(_home, "to-sign");
        await File.WriteAllBytesAsync(file, content);
        await GpgAsync(["--local-user", _uid, "--detach-sign", "--output", file + ".sig", file]);
        var signature = await File.ReadAllBytesAsync(file + ".sig");
        File.Delete(file + ".sig");
        return signature;
    }

    public void Dispose()
    {
        // gpg started an agent for this home: it would outlive the test.
        Cli.Wrap("gpgconf").WithArguments(["--kill", "gpg-agent"]).WithEnvironmentVariables(e => e.Set("GNUPGHOME", _home))
            .WithValidation(CommandResultValidation.None).ExecuteAsync().Task.GetAwaiter().GetResult();
        Directory.Delete(_home, recursive: true);
    }

    private async Task<byte[]> GpgAsync(string[] arguments)
    {
        using var output = new MemoryStream();
        var result = await Cli.Wrap("gpg").WithArguments(["--batch", "--quiet", "--pinentry-mode", "loopback", .. arguments])
            .WithEnvironmentVariables(e => e.Set("GNUPGHOME", _home))
            .WithStandardOutputPipe(PipeTarget.ToStream(output))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        Assert.True(result.ExitCode == 0, $"gpg {string.Join(' ', arguments)} failed: {result.StandardError}");
        return output.ToArray();
    }
}
