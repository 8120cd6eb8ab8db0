namespace IaCBot.Server.Observability;

/// <summary>
/// Counts deliveries to <c>/events</c> by the Git host that sent them, the event, and how they were answered. It reads
/// only headers and the status code, so the webhook endpoint itself stays free of metrics.
/// </summary>
internal sealed class WebhookMetricsMiddleware(RequestDelegate next, IaCBotMetrics metrics)
{
    private static readonly (string Header, string Host)[] EventHeaders =
        [("X-GitHub-Event", "github"), ("X-Gitlab-Event", "gitlab"), ("X-Gitea-Event", "gitea")];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != "/events")
        {
            await next(context);
            return;
        }

        var (host, eventName) = Sender(context.Request.Headers);
        try
        {
            await next(context);
        }
        finally
        {
            metrics.Webhooks.WithLabels(host, eventName, Result(context.Response.StatusCode)).Inc();
        }
    }

    private static (string Host, string Event) Sender(IHeaderDictionary headers)
    {
        foreach (var (header, host) in EventHeaders)
        {
            if (headers.TryGetValue(header, out var value))
            {
                // The label's values must stay few: anything odd counts as "other".
                var name = value.ToString().ToLowerInvariant().Replace(' ', '_');
                return (host, name.Length is > 0 and <= 40 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? name : "other");
            }
        }

        return ("unknown", "none");
    }

    private static string Result(int status) => status switch
    {
        StatusCodes.Status202Accepted => "queued",
        StatusCodes.Status200OK => "answered",
        StatusCodes.Status401Unauthorized => "unauthorized",
        StatusCodes.Status413PayloadTooLarge => "too_large",
        StatusCodes.Status503ServiceUnavailable => "unavailable",
        >= 400 and < 500 => "invalid",
        _ => "error",
    };
}
