using IaCBot.Core.Redaction;

namespace IaCBot.Server.Redaction;

/// <summary>
/// The values the server masks: <c>github:token</c>, <c>github:webhook_secret</c> and each <c>server:redact</c> value.
/// Read from the configuration itself rather than the validated options: the host makes the logger factory while it
/// is built, before the settings are checked, and a bad setting must still be reported as one, all bad keys at once.
/// </summary>
internal static class ServerSecrets
{
    public static Redactor Read(IConfiguration configuration)
    {
        var redact = configuration.GetSection("server:redact");

        // A list, or one comma-separated value as the other list settings take (both, when both are given).
        var listed = redact.GetChildren().Select(c => c.Value);
        var commaSeparated = redact.Value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return new Redactor([configuration["github:token"], configuration["github:webhook_secret"], .. listed, .. commaSeparated]);
    }
}
