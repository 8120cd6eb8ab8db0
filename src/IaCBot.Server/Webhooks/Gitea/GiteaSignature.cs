using System.Security.Cryptography;
using System.Text;

namespace IaCBot.Server.Webhooks.Gitea;

/// <summary>
/// Checks <c>X-Gitea-Signature</c> (Forgejo: <c>X-Forgejo-Signature</c>): the HMAC-SHA256 of the raw body with the
/// webhook secret, in hex with no prefix, compared in constant time.
/// </summary>
/// <seealso href="https://docs.gitea.com/usage/webhooks"/>
internal static class GiteaSignature
{
    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string secret)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The header Gitea would send for this body; for tests and tools.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
