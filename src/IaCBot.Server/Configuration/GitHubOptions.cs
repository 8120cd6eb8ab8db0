using Microsoft.Extensions.Configuration;

namespace IaCBot.Server.Configuration;

/// <summary>The <c>github</c> section of iacbot.yaml.</summary>
internal sealed class GitHubOptions
{
    public const string Section = "github";

    [ConfigurationKeyName("api_url")]
    public string ApiUrl { get; set; } = "https://api.github.com/";

    public string? Token { get; set; }

    [ConfigurationKeyName("webhook_secret")]
    public string? WebhookSecret { get; set; }

    /// <summary>The bot's own login: its comments are never read as commands.</summary>
    public string? User { get; set; }

    /// <summary>The GitHub App IaCBot acts as, instead of <see cref="Token"/>'s user; a number, kept as text to name a bad one.</summary>
    [ConfigurationKeyName("app_id")]
    public string? AppId { get; set; }

    /// <summary>The App's private key (PEM), as GitHub gives it for download.</summary>
    [ConfigurationKeyName("app_key_file")]
    public string? AppKeyFile { get; set; }

    /// <summary>The one installation to use; by default each repository owner's installation is found.</summary>
    [ConfigurationKeyName("installation_id")]
    public string? InstallationId { get; set; }

    /// <summary>The App's URL name: its comments are by <c>&lt;slug&gt;[bot]</c>.</summary>
    [ConfigurationKeyName("app_slug")]
    public string? AppSlug { get; set; }

    public bool IsApp => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>Whose comments are the bot's own: <see cref="User"/> when set, else the App's bot account.</summary>
    public string? BotLogin => User is { Length: > 0 } user ? user : AppSlug is { Length: > 0 } slug ? slug + "[bot]" : null;

    /// <summary>The longest a read waits inside one call for a rate limit to reset; longer limits fail the call at once.</summary>
    [ConfigurationKeyName("max_rate_limit_wait")]
    public string MaxRateLimitWait { get; set; } = "60s";

    /// <summary>How long one attempt of an API call may take; a read that times out is tried again.</summary>
    [ConfigurationKeyName("request_timeout")]
    public string RequestTimeout { get; set; } = "30s";

    /// <summary>The API root with the trailing slash Octokit's relative paths need.</summary>
    public Uri ApiUri => new(ApiUrl.EndsWith('/') ? ApiUrl : ApiUrl + "/");

    /// <summary>
    /// The host repositories live on, which clone URLs and allowlist entries name: github.com for the public API,
    /// the server's own host for GitHub Enterprise.
    /// </summary>
    public string WebHost => ApiUri.Host.Equals("api.github.com", StringComparison.OrdinalIgnoreCase) ? "github.com" : ApiUri.Authority;
}
