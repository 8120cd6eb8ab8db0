using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;
using IaCBot.Core.Terraform;

namespace IaCBot.Infrastructure.Terraform;

/// <summary>
/// Checks a release's SHA256SUMS against the publisher's detached OpenPGP signature with <c>gpgv</c>, which trusts
/// exactly the keys in the keyring it is given: the one file named by the settings, nothing from a user's keyring.
/// The checksums only prove the zip is the one the site lists; the signature proves the site's list is the
/// publisher's, so a mirror or a hijacked site cannot serve its own program with matching checksums.
/// </summary>
internal static class ReleaseSignature
{
    private const string Program = "gpgv";

    /// <summary>Throws <see cref="TerraformBinaryException"/> unless <paramref name="signature"/> is a good signature of <paramref name="sums"/> by the key.</summary>
    public static async Task VerifyAsync(TerraformRelease release, byte[] sums, byte[] signature, string keyFile, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("iacbot-gpgv-");
        try
        {
            var keyring = Path.Combine(work.FullName, "keyring.gpg");
            var sumsPath = Path.Combine(work.FullName, release.SumsName);
            var signaturePath = sumsPath + ".sig";
            await File.WriteAllBytesAsync(keyring, await ReadKeyAsync(release, keyFile, cancellationToken), cancellationToken);
            await File.WriteAllBytesAsync(sumsPath, sums, cancellationToken);
            await File.WriteAllBytesAsync(signaturePath, signature, cancellationToken);

            var result = await RunAsync(release, ["--keyring", keyring, "--status-fd", "1", signaturePath, sumsPath], cancellationToken);
            // A zero exit alone is not enough: the status lines say which signature was good.
            if (result.ExitCode != 0 || !result.StandardOutput.Contains("[GNUPG:] VALIDSIG ", StringComparison.Ordinal))
            {
                throw new TerraformBinaryException(
                    $"{release} was not downloaded: the signature of {release.SumsName} is not a good signature by the key in {keyFile} "
                    + $"({LastLine(result.StandardError)}). Nothing was installed.");
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<BufferedCommandResult> RunAsync(TerraformRelease release, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await Cli.Wrap(Program).WithArguments(arguments).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken);
        }
        catch (Win32Exception)
        {
            throw new TerraformBinaryException(
                $"{release} was not downloaded: its signature must be checked (a signing key is set), but {Program} is not installed on the server. "
                + "Install GnuPG's gpgv (Debian: apt-get install gpgv), or remove the signing key setting.");
        }
    }

    /// <summary>
    /// The key as gpgv reads it: an exported key is often ASCII-armored (<c>gpg --armor --export</c>, or the
    /// publisher's page), which gpgv does not take as a keyring, so the armor is taken off here.
    /// </summary>
    private static async Task<byte[]> ReadKeyAsync(TerraformRelease release, string keyFile, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(keyFile, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TerraformBinaryException($"{release} was not downloaded: the signing key {keyFile} cannot be read: {e.Message}");
        }

        return OpenPgpArmor.IsArmored(bytes)
            ? OpenPgpArmor.Remove(bytes) ?? throw new TerraformBinaryException(
                $"{release} was not downloaded: the signing key {keyFile} looks ASCII-armored but its armor cannot be read.")
            : bytes;
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "gpgv said nothing";
}
