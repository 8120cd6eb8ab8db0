using Microsoft.Extensions.Configuration;

namespace IaCBot.Server.Configuration;

/// <summary>
/// The <c>web</c> section of iacbot.yaml: who may see the web UI, <c>/jobs</c> and <c>/metrics</c>. Basic
/// authentication with <c>username</c>/<c>password</c>, or a <c>token</c> sent as a bearer token (or as the password of
/// basic authentication, for a browser). Required when the server listens beyond loopback.
/// </summary>
internal sealed class WebOptions
{
    public const string Section = "web";

    public const int MinSecretLength = 12;

    [ConfigurationKeyName("username")]
    public string? Username { get; set; }

    [ConfigurationKeyName("password")]
    public string? Password { get; set; }

    [ConfigurationKeyName("token")]
    public string? Token { get; set; }

    public bool HasBasic => !string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(Password);

    public bool HasToken => !string.IsNullOrEmpty(Token);

    public bool RequiresAuthentication => HasBasic || HasToken;
}
