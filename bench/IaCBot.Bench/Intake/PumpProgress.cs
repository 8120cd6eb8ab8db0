using System.Globalization;

namespace IaCBot.Bench.Intake;

/// <summary>
/// How far the server's intake pump got: the deliveries it took from the journal (queued, duplicate or unreadable), read
/// from <c>iacbot_intake_pumped_total</c> on /metrics. Read between phases, outside their timed window.
/// </summary>
internal sealed class PumpProgress(Uri server) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server, Timeout = TimeSpan.FromSeconds(10) };

    public async Task<long> PumpedAsync()
    {
        var metrics = await _http.GetStringAsync("/metrics");
        return (long)metrics.Split('\n')
            .Where(line => line.StartsWith("iacbot_intake_pumped_total{", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    public void Dispose() => _http.Dispose();
}
