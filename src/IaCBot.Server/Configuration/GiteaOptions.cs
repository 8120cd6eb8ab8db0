using Microsoft.Extensions.Configuration;

namespace IaCBot.Server.Configuration;

/// <summary>The <c>gitea</c> section of iacbot.yaml: one Gitea or Forgejo server, used when a token is set.</summary>
internal sealed class GiteaOptions
{
    public const string Section = "gitea";

    /// <summary>The server's web address, such as <c>https://gitea.example.com/</c>; required with a token.</summary>
    public string? Url { get; set; }

    public string? Token { get; set; }

    [ConfigurationKeyName("webhook_secret")]
    public string? WebhookSecret { get; set; }

    /// <summary>The bot's own user name on the server: its comments are never read as commands; git fetches as it.</summary>
    public string? User { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Token);

    /// <summary>The address as a URI, or null when it is not an absolute http(s) URL.</summary>
    public Uri? BaseUri =>
        Uri.TryCreate(Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    /// <summary>The host its repositories are known by in allowlists, locks and logs: the address's host and port.</summary>
    public string? Host => BaseUri?.Authority;
}
