using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// The GitHub App the fake knows once a test installs one: its id and public key, the installation on every
/// repository, and the installation tokens made for it. While an App is installed only those tokens are taken.
/// </summary>
internal sealed class FakeGitHubAppState
{
    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);
    private RSA? _publicKey;
    private int _issued;

    public long AppId { get; private set; }

    public long InstallationId { get; private set; }

    public bool IsInstalled
    {
        get
        {
            lock (_tokens)
            {
                return _publicKey is not null;
            }
        }
    }

    public void Install(long appId, RSA key, long installationId)
    {
        lock (_tokens)
        {
            _publicKey = RSA.Create(key.ExportParameters(includePrivateParameters: false));
            AppId = appId;
            InstallationId = installationId;
        }
    }

    public string IssueToken()
    {
        lock (_tokens)
        {
            var token = $"ghs_fakeinstallation{InstallationId}x{++_issued}";
            _tokens.Add(token);
            return token;
        }
    }

    public bool IsToken(string given)
    {
        lock (_tokens)
        {
            return _tokens.Contains(given);
        }
    }

    /// <summary>Why GitHub would refuse the App's JWT, or null: RS256 by the App's key, from the App, and in date.</summary>
    /// <seealso href="https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app"/>
    public string? JwtProblem(string jwt)
    {
        RSA key;
        lock (_tokens)
        {
            if (_publicKey is null)
            {
                return "no App is installed";
            }

            key = _publicKey;
        }

        var parts = jwt.Split('.');
        if (parts.Length != 3
            || !key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Decode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return "the signature does not match the App's key";
        }

        using var claims = JsonDocument.Parse(Decode(parts[1]));
        var root = claims.RootElement;
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        return root.GetProperty("iss").GetString() != AppId.ToString(CultureInfo.InvariantCulture) ? "it is from another App"
            : root.GetProperty("iat").GetInt64() > now ? "it was issued in the future"
            : root.GetProperty("exp").GetInt64() <= now ? "it has expired"
            : root.GetProperty("exp").GetInt64() > now + 600 ? "it expires more than 10 minutes ahead"
            : null;
    }

    private static byte[] Decode(string part)
    {
        var base64 = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
