using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IaCBot.Infrastructure.GitHub;

/// <summary>
/// The short-lived JSON Web Token (RS256) a GitHub App signs to ask for installation tokens. GitHub refuses one that
/// expires more than 10 minutes ahead or was issued in its future, so the token is dated a minute back for clocks
/// that differ and ends within the 10 minutes by the same margin.
/// </summary>
/// <seealso href="https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app"/>
internal sealed class GitHubAppJwt(long appId, RSA key, TimeProvider time)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10);

    private static readonly string Header = Encode("""{"alg":"RS256","typ":"JWT"}"""u8.ToArray());

    public string Create()
    {
        var now = time.GetUtcNow();
        var claims = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iat"] = (now - ClockSkew).ToUnixTimeSeconds(),
            ["exp"] = (now + MaxLifetime - ClockSkew).ToUnixTimeSeconds(),
            ["iss"] = appId.ToString(CultureInfo.InvariantCulture),
        });
        var signed = Header + "." + Encode(claims);
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Encode(signature);
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
