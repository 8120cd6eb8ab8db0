using System.Security.Cryptography;
using System.Text;

namespace IaCBot.Server.Webhooks;

/// <summary>
/// Checks <c>X-Hub-Signature-256</c>: the HMAC-SHA256 of the raw body with the webhook secret, compared in
/// constant time so its bytes cannot be guessed one by one from response times.
/// </summary>
/// <seealso href="https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries"/>
internal static class GitHubSignature
{
    private const string Prefix = "sha256=";

    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string secret)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The header GitHub would send for this body; for tests and tools.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
