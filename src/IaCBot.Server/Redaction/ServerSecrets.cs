using IaCBot.Core.Redaction;
using IaCBot.Server.Configuration;

namespace IaCBot.Server.Redaction;

/// <summary>
/// The values the server masks: every Git host's token and webhook secret, <c>api:secret</c>, the database's
/// connection string and its password, and each <c>server:redact</c> value.
/// Read from the configuration itself rather than the validated options: the host makes the logger factory while it
/// is built, before the settings are checked, and a bad setting must still be reported as one, all bad keys at once.
/// </summary>
internal static class ServerSecrets
{
    private static readonly string[] SecretKeys =
    [
        "github:token", "github:webhook_secret", "gitlab:token", "gitlab:webhook_secret",
        "gitea:token", "gitea:webhook_secret", "api:secret", "storage:connection_string",
    ];

    public static Redactor Read(IConfiguration configuration)
    {
        var redact = configuration.GetSection("server:redact");

        // A list, or one comma-separated value as the other list settings take (both, when both are given).
        var listed = redact.GetChildren().Select(c => c.Value);
        var commaSeparated = redact.Value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var settings = SecretKeys.Select(key => configuration[key]);
        var databasePassword = StorageSetting.Password(configuration["storage:connection_string"]);
        return new Redactor([.. settings, databasePassword, .. listed, .. commaSeparated]);
    }
}
