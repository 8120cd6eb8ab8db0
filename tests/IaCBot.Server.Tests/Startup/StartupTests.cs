using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IaCBot.Server.Tests.Startup;

/// <summary>The real `iacbot` executable, started as README says, with good and bad settings.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iacbot-startup-").FullName;

    [Fact]
    public async Task Without_a_repo_allowlist_the_server_refuses_to_start_and_names_the_key()
    {
        var config = WriteConfig("github:\n  token: x\n");

        var (exit, output) = await RunUntilExitAsync("--config", config);

        Assert.Equal(2, exit);
        Assert.Contains("server:repo_allowlist is required", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_invalid_setting_is_named_at_once()
    {
        var config = WriteConfig(
            "server:\n  repo_allowlist: ['*']\n  public_url: not-a-url\n  order_wait: later\n  output_tail_size: lots\n  max_comment_parts: 0\n  log_retention: never\n  run_retention: 0d\n"
            + "github:\n  request_timeout: 0s\n  max_rate_limit_wait: a-while\nterraform:\n  timeout: forever\n  release_signing_key: /nowhere/hashicorp.asc\n");

        var (exit, output) = await RunUntilExitAsync("--config", config);

        Assert.Equal(2, exit);
        Assert.Contains("github:token is required", output, StringComparison.Ordinal);
        Assert.Contains("server:public_url", output, StringComparison.Ordinal);
        Assert.Contains("terraform:timeout must be a positive duration", output, StringComparison.Ordinal);
        Assert.Contains("server:order_wait must be a positive duration", output, StringComparison.Ordinal);
        Assert.Contains("github:request_timeout must be a positive duration", output, StringComparison.Ordinal);
        Assert.Contains("github:max_rate_limit_wait must be a positive duration", output, StringComparison.Ordinal);
        Assert.Contains("server:output_tail_size must be a size", output, StringComparison.Ordinal);
        Assert.Contains("server:max_comment_parts must be 1 or more", output, StringComparison.Ordinal);
        Assert.Contains("server:log_retention must be a number of days", output, StringComparison.Ordinal);
        Assert.Contains("server:run_retention must be a number of days", output, StringComparison.Ordinal);
        Assert.Contains("terraform:release_signing_key names /nowhere/hashicorp.asc, which is not a file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redact_value_too_short_to_be_masked_stops_start_up_without_showing_it()
    {
        var config = WriteConfig("server:\n  repo_allowlist: ['*']\n  redact: [long-enough-secret, x9z]\ngithub:\n  token: x\n");

        var (exit, output) = await RunUntilExitAsync("--config", config);

        Assert.Equal(2, exit);
        Assert.Contains("server:redact has a value shorter than 4 characters", output, StringComparison.Ordinal);
        Assert.DoesNotContain("x9z", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_settings_file_is_named()
    {
        var (exit, output) = await RunUntilExitAsync("--config", Path.Combine(_dir, "nope.yaml"));

        Assert.Equal(2, exit);
        Assert.Contains("nope.yaml", output, StringComparison.Ordinal);
        Assert.Contains("does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_settings_file_that_is_not_yaml_is_named()
    {
        var config = WriteConfig("server: [unclosed\n");

        var (exit, output) = await RunUntilExitAsync("--config", config);

        Assert.Equal(2, exit);
        Assert.Contains("cannot be read", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_dir_that_cannot_be_written_stops_start_up()
    {
        var file = Path.Combine(_dir, "a-file");
        File.WriteAllText(file, "not a directory");
        var config = WriteConfig($"server:\n  repo_allowlist: ['*']\n  data_dir: {file}/data\ngithub:\n  token: x\n");

        var (exit, output) = await RunUntilExitAsync("--config", config);

        Assert.Equal(2, exit);
        Assert.Contains("server:data_dir", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_variables_and_arguments_override_the_file()
    {
        var config = WriteConfig($"server:\n  data_dir: {_dir}/data\ngithub:\n  token: x\n");

        var (exit, output) = await RunUntilExitAsync(
            new Dictionary<string, string> { ["IACBOT_SERVER__REPO_ALLOWLIST__0"] = "github.com/acme/*" },
            "--config", config, "--terraform:timeout=soon");

        Assert.Equal(2, exit);
        Assert.DoesNotContain("repo_allowlist", output, StringComparison.Ordinal);
        Assert.Contains("terraform:timeout must be a positive duration", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_valid_settings_it_serves_healthz_on_the_given_url()
    {
        var port = FreePort();
        var config = WriteConfig($"server:\n  data_dir: {_dir}/data\n  repo_allowlist: ['github.com/acme/*']\ngithub:\n  token: x\n");
        using var server = Serve(port, config);
        var status = await HealthzOnceUpAsync(server, port);

        server.Kill(entireProcessTree: true);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(File.Exists(Path.Combine(_dir, "data", "iacbot.db")));
    }

    [Fact]
    public async Task With_log_format_json_every_console_line_is_one_json_object()
    {
        var port = FreePort();
        var config = WriteConfig(
            $"server:\n  data_dir: {_dir}/data\n  repo_allowlist: ['github.com/acme/*']\n  log_format: json\ngithub:\n  token: x\n");
        using var server = Serve(port, config);
        var stdout = server.StandardOutput.ReadToEndAsync();
        var status = await HealthzOnceUpAsync(server, port);

        server.Kill(entireProcessTree: true);
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Equal(System.Text.Json.JsonValueKind.Object, System.Text.Json.JsonDocument.Parse(line).RootElement.ValueKind));
        Assert.Contains(lines, line => line.Contains("Now listening on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_text_log_format_a_line_shows_its_deliverys_scope_as_names_and_values()
    {
        var port = FreePort();
        var config = WriteConfig(
            $"server:\n  data_dir: {_dir}/data\n  repo_allowlist: ['github.com/acme/*']\ngithub:\n  token: x\n  webhook_secret: s3cret-for-the-log-test\n");
        using var server = Serve(port, config);
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        server.OutputDataReceived += (_, line) => lines.Enqueue(line.Data ?? "");
        server.BeginOutputReadLine();
        Assert.Equal(HttpStatusCode.OK, await HealthzOnceUpAsync(server, port));

        // A real delivery for a repository outside the allowlist: the endpoint logs that it ignored it, in its scope.
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var body = Fakes.GitHubFixtures.Text("webhooks/pull_request.opened.json");
        using var delivery = Fakes.WebhookDelivery.Create("pull_request", body, "s3cret-for-the-log-test", "log-scope-delivery-1");
        var answer = await http.SendAsync(delivery);

        // The console logger writes from a queue of its own: wait for the line (a minute at most) before stopping.
        var waited = Stopwatch.StartNew();
        while (!lines.Any(l => l.Contains("which server:repo_allowlist does not allow", StringComparison.Ordinal)) && waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(100);
        }

        server.Kill(entireProcessTree: true);
        var output = string.Join('\n', lines);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("which server:repo_allowlist does not allow", output, StringComparison.Ordinal);
        Assert.Contains("DeliveryId: log-scope-delivery-1", output, StringComparison.Ordinal);
        Assert.Contains("Event: pull_request", output, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Collections.Generic", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The status of <c>/healthz</c> once the server listens; null when it exited or never listened within a minute.</summary>
    private static async Task<HttpStatusCode?> HealthzOnceUpAsync(Process server, int port)
    {
        using var http = new HttpClient();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60) && !server.HasExited)
        {
            try
            {
                return (await http.GetAsync($"http://127.0.0.1:{port}/healthz")).StatusCode;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
                await Task.Delay(200);
            }
        }

        return null;
    }

    private string WriteConfig(string yaml)
    {
        var path = Path.Combine(_dir, $"iacbot-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private Task<(int Exit, string Output)> RunUntilExitAsync(params string[] args) =>
        RunUntilExitAsync(new Dictionary<string, string>(), args);

    private async Task<(int Exit, string Output)> RunUntilExitAsync(Dictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The server with the settings file <paramref name="config"/>, listening on loopback at <paramref name="port"/>.</summary>
    private Process Serve(int port, string config) =>
        Start(new Dictionary<string, string>(), "--urls", $"http://127.0.0.1:{port}", "--config", config);

    private Process Start(Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "iacbot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
