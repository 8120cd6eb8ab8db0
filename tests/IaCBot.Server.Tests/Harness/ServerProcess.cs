using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IaCBot.Server.Tests.Fakes;

namespace IaCBot.Server.Tests.Harness;

/// <summary>
/// The real built <c>iacbot</c> executable as a child process, configured by a YAML file as an operator would,
/// against the fake GitHub and the fake terraform, so that a test can kill it or stop it as a machine would.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http;

    private ServerProcess(Process process, int port, string dataDir)
    {
        _process = process;
        DataDir = dataDir;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>What the admin API (<c>api:secret</c>) of every server process expects in <c>X-IaCBot-Token</c>.</summary>
    public const string ApiSecret = "replica-admin-secret-for-tests";

    public int Id => _process.Id;

    public string DataDir { get; }

    /// <summary>Talks to this server's port: the web pages and, with <see cref="ApiSecret"/>, the admin API.</summary>
    public HttpClient Client => _http;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server on a free port with <paramref name="dataDir"/> and waits until it answers /healthz.</summary>
    /// <param name="postgres">A connection string for <c>storage:provider postgres</c>; null keeps the embedded store.</param>
    public static async Task<ServerProcess> StartAsync(FakeGitHub github, string dataDir, string shutdownGrace = "60s", string? postgres = null)
    {
        var port = FreePort();
        var config = Path.Combine(dataDir, $"iacbot-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(config, Yaml(github, dataDir, shutdownGrace) + Storage(postgres));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "iacbot.dll"), "--urls", $"http://127.0.0.1:{port}", "--config", config })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["FAKE_TERRAFORM_LOG"] = FakeTerraformBinary.LogFile;
        var server = new ServerProcess(Process.Start(start)!, port, dataDir);
        await server.WaitUntilHealthyAsync();
        return server;
    }

    /// <summary>Sends a delivery signed as GitHub would.</summary>
    public Task<HttpResponseMessage> DeliverAsync(string eventName, string body, string? deliveryId = null) =>
        _http.SendAsync(WebhookDelivery.Create(eventName, body, IaCBotApp.WebhookSecret, deliveryId));

    /// <summary>SIGKILL to the server and every process under it, terraform included, as a crash or an OOM kill.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd, Docker or Kubernetes send to stop a service. .NET has no API for it, so kill(1) does it.</summary>
    public void Terminate()
    {
        var kill = new ProcessStartInfo("kill");
        kill.ArgumentList.Add("-TERM");
        kill.ArgumentList.Add(_process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var signal = Process.Start(kill)!;
        signal.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan cap)
    {
        using var timeout = new CancellationTokenSource(cap);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits until the server has written <paramref name="text"/> to its console.</summary>
    public Task WaitForOutputAsync(string text) =>
        DeadlineWait.UntilAsync(() => Output.Contains(text, StringComparison.Ordinal) ? [true] : Array.Empty<bool>(), seen => seen, StartWait,
            _ => $"The server never wrote '{text}'. It wrote:\n{Output}");

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        await Task.CompletedTask;
    }

    /// <summary>Whether a process is alive: a killed one may linger a moment as a zombie until it is reaped.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartWait && !_process.HasExited)
        {
            try
            {
                if ((await _http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"The server did not start. It wrote:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(line).Append('\n');
        }
    }

    private static string Yaml(FakeGitHub github, string dataDir, string shutdownGrace) => $"""
        server:
          data_dir: '{dataDir}'
          repo_allowlist: ['github.com/acme/*']
          shutdown_grace: {shutdownGrace}
          recovery_interval: 1s
        github:
          api_url: '{github.ApiUrl}'
          token: '{github.Token}'
          webhook_secret: '{IaCBotApp.WebhookSecret}'
          user: '{github.BotLogin}'
        terraform:
          binary: '{FakeTerraformBinary.Path}'
          timeout: 2m
          kill_grace: 5s
        api:
          secret: '{ApiSecret}'
        outbox:
          retry_delay: 200ms
          poll_interval: 200ms
        Logging:
          LogLevel:
            Default: Warning
            IaCBot: Information
        """;

    private static string Storage(string? postgres) => postgres is null ? "" : $"""

        storage:
          provider: postgres
          connection_string: '{postgres}'
        """;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
