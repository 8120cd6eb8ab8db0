namespace IaCBot.Server.Observability;

/// <summary>Counts calls to a Git host's API and the failed ones, outside the retries: one call, however many attempts.</summary>
internal sealed class GitHostMetricsHandler(IaCBotMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri?.Host ?? "unknown";
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var failed = (int)response.StatusCode >= 400;
            metrics.GitHostCalls.WithLabels(host, failed ? "error" : "ok").Inc();
            if (failed)
            {
                metrics.GitHostErrors.WithLabels(host, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
            }

            return response;
        }
        catch (Exception ex)
        {
            metrics.GitHostCalls.WithLabels(host, "error").Inc();
            metrics.GitHostErrors.WithLabels(host, ex is OperationCanceledException ? "timeout" : "exception").Inc();
            throw;
        }
    }
}
