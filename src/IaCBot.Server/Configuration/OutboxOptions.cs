using Microsoft.Extensions.Configuration;

namespace IaCBot.Server.Configuration;

/// <summary>The <c>outbox</c> section: how comments and statuses the Git host refused are tried again.</summary>
internal sealed class OutboxOptions
{
    public const string Section = "outbox";

    /// <summary>The wait after a first failure; it doubles after each further one, up to five minutes.</summary>
    [ConfigurationKeyName("retry_delay")]
    public string RetryDelay { get; set; } = "2s";

    /// <summary>How often waiting messages are looked at.</summary>
    [ConfigurationKeyName("poll_interval")]
    public string PollInterval { get; set; } = "5s";
}
