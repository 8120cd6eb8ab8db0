using Microsoft.Extensions.Configuration;

namespace IaCBot.Server.Configuration;

/// <summary>The <c>api</c> section of iacbot.yaml: the admin API (<c>/api/...</c>).</summary>
internal sealed class ApiOptions
{
    public const string Section = "api";

    /// <summary>Short secrets can be guessed; the API can turn every apply off.</summary>
    public const int MinSecretLength = 16;

    /// <summary>What callers send in <c>X-IaCBot-Token</c>; without it the admin API answers 503.</summary>
    [ConfigurationKeyName("secret")]
    public string? Secret { get; set; }
}
