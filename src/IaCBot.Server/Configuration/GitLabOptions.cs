using Microsoft.Extensions.Configuration;

namespace IaCBot.Server.Configuration;

/// <summary>The <c>gitlab</c> section of iacbot.yaml: one GitLab instance, gitlab.com or self-managed.</summary>
internal sealed class GitLabOptions
{
    public const string Section = "gitlab";

    /// <summary>The instance's web address; its authority (<c>gitlab.example.com:8443</c>) is the host in repository ids.</summary>
    public string Url { get; set; } = "https://gitlab.com";

    /// <summary>An access token of the bot's user with the <c>api</c> scope; GitLab is served only when it is set.</summary>
    public string? Token { get; set; }

    /// <summary>The webhook's secret token, which GitLab sends back in <c>X-Gitlab-Token</c>.</summary>
    [ConfigurationKeyName("webhook_secret")]
    public string? WebhookSecret { get; set; }

    /// <summary>The bot's own username: its notes are never read as commands.</summary>
    public string? User { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Token);

    public Uri BaseUri => new(Url);
}
