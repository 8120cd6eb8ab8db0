using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace IaCBot.Bench.Server;

/// <summary>
/// The real <c>iacbot</c> server as a child process, configured by a YAML file as an operator would, so that the
/// benchmark measures what a deployment answers (Kestrel, the endpoint, LiteDB and the SQLite queue), nothing faked.
/// Its console goes to a log file, read at once so that a full pipe never slows it down.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StreamWriter _log;
    private bool _closed;

    private BenchServer(Process process, Uri address, string logPath)
    {
        _process = process;
        Address = address;
        LogPath = logPath;
        _log = new StreamWriter(logPath) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string LogPath { get; }

    /// <summary>The server's process id: <c>dotnet iacbot.dll</c> runs the server in this very process.</summary>
    public int ProcessId => _process.Id;

    /// <summary>CPU time the server has used so far (all its threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<BenchServer> StartAsync(ServerSettings settings, string workDir)
    {
        var port = FreePort.Find();
        var config = Path.Combine(workDir, "iacbot.yaml");
        await File.WriteAllTextAsync(config, settings.Yaml());
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { ServerBuild.DllPath(), "--urls", $"http://127.0.0.1:{port}", "--config", config })
        {
            start.ArgumentList.Add(arg);
        }

        var server = new BenchServer(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"), Path.Combine(workDir, "server.log"));
        await server.WaitUntilHealthyAsync();
        return server;
    }

    /// <summary>
    /// SIGKILL, as a crash: whatever it answered 2xx must already be in its files, not in memory. (A SIGTERM would
    /// wait for the jobs stuck on the silent GitHub, whose calls a stop does not cut short.)
    /// </summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Waits until the intake pump has taken <paramref name="accepted"/> deliveries from the journal (its
    /// <c>iacbot_intake_pumped_total</c> on /metrics); false when it has not within <paramref name="limit"/>.
    /// </summary>
    public async Task<bool> WaitForPumpAsync(int accepted, TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit && !_process.HasExited)
        {
            var metrics = await http.GetStringAsync("/metrics");
            var pumped = metrics.Split('\n')
                .Where(line => line.StartsWith("iacbot_intake_pumped_total{", StringComparison.Ordinal))
                .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
            if (pumped >= accepted)
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        lock (_log)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartWait && !_process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still starting on a busy machine.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The server did not start; see {LogPath}.");
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            if (line is not null && !_closed)
            {
                _log.WriteLine(line);
            }
        }
    }
}
