namespace IaCBot.Server.Observability;

/// <summary>
/// <c>server:log_format</c>: <c>text</c> (the default) or <c>json</c>, one JSON object a line for a log collector.
/// Both show the scopes (delivery id, job, pull request), which is how a line is traced to its delivery and run.
/// </summary>
internal static class LogFormat
{
    public const string Key = "server:log_format";

    public static WebApplicationBuilder AddLogFormat(this WebApplicationBuilder builder)
    {
        var format = builder.Configuration[Key];
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(text => text.IncludeScopes = true);
        }

        return builder;
    }

    public static bool IsValid(string? format) => format is null or "" || format.Equals("json", StringComparison.OrdinalIgnoreCase)
        || format.Equals("text", StringComparison.OrdinalIgnoreCase);
}
