using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IaCBot.Infrastructure.Tests.GitHub;

/// <summary>
/// Checks an App's JWT as GitHub does: RS256 signed by the App's key, issued by the App, not issued in the future,
/// not expired, and ending at most 10 minutes ahead.
/// </summary>
/// <seealso href="https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app"/>
internal static class JwtCheck
{
    /// <summary>Null for a JWT GitHub would take; otherwise why it would refuse it.</summary>
    public static string? Problem(string jwt, RSA publicKey, long appId, DateTimeOffset now)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return "not a JWT";
        }

        using var header = JsonDocument.Parse(Decode(parts[0]));
        if (header.RootElement.GetProperty("alg").GetString() != "RS256")
        {
            return "not RS256";
        }

        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!publicKey.VerifyData(signed, Decode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return "bad signature";
        }

        var claims = Claims(jwt);
        return claims.Issuer != appId.ToString(System.Globalization.CultureInfo.InvariantCulture) ? "wrong issuer"
            : claims.IssuedAt > now ? "issued in the future"
            : claims.ExpiresAt <= now ? "expired"
            : claims.ExpiresAt > now + TimeSpan.FromMinutes(10) ? "expires more than 10 minutes ahead"
            : null;
    }

    public static (string Issuer, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt) Claims(string jwt)
    {
        using var payload = JsonDocument.Parse(Decode(jwt.Split('.')[1]));
        var root = payload.RootElement;
        return (root.GetProperty("iss").GetString() ?? "",
            DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("iat").GetInt64()),
            DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64()));
    }

    private static byte[] Decode(string part)
    {
        var base64 = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
