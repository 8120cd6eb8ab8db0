using IaCBot.Server.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IaCBot.Server.Tests.Harness;

/// <summary>
/// The whole IaCBot app in-process, configured as a user would in iacbot.yaml, against the fake GitHub and the
/// fake terraform. It can be restarted on the same data_dir, as after a deploy.
/// </summary>
public sealed class IaCBotApp : IAsyncDisposable
{
    public const string WebhookSecret = "it-is-a-secret-to-everybody";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _kestrel;
    private WebApplicationFactory<Program> _factory;
    private HttpClient? _client;

    /// <param name="services">Replaces some of the app's services, as a fault a test cannot cause from outside.</param>
    public IaCBotApp(
        FakeGitHub github, string dataDir, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null,
        bool kestrel = false)
    {
        DataDir = dataDir;
        _services = services;
        _kestrel = kestrel;
        _settings = new Dictionary<string, string?>
        {
            ["server:data_dir"] = dataDir,
            ["server:repo_allowlist:0"] = "github.com/acme/*",
            ["github:api_url"] = github.ApiUrl,
            ["github:token"] = github.Token,
            ["github:webhook_secret"] = WebhookSecret,
            ["github:user"] = github.BotLogin,
            ["terraform:binary"] = FakeTerraformBinary.Path,
            ["terraform:timeout"] = "2m",
            ["terraform:kill_grace"] = "5s",
            ["server:shutdown_grace"] = "2s",
            ["outbox:retry_delay"] = "200ms",
            ["outbox:poll_interval"] = "200ms",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _factory = Create();
    }

    public string DataDir { get; }

    public HttpClient Client => _client ??= _factory.CreateClient();

    public IServiceProvider Services => _factory.Services;

    /// <summary>Sends a webhook delivery as GitHub would, signed with the configured secret unless told otherwise.</summary>
    public async Task<HttpResponseMessage> DeliverAsync(string eventName, string body, string? deliveryId = null, string? secret = WebhookSecret)
    {
        var response = await Client.SendAsync(WebhookDelivery.Create(eventName, body, secret, deliveryId));
        if ((int)response.StatusCode >= 500)
        {
            throw new HttpRequestException(
                $"The server answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{string.Join("\n", Errors.Errors)}");
        }

        return response;
    }

    /// <summary>What the server logged as errors.</summary>
    public CapturedErrors Errors { get; } = new();

    /// <summary>Everything the server logged at the levels its settings enable (Logging:LogLevel:*).</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Stops the server and starts a new one on the same data_dir.</summary>
    public async Task RestartAsync()
    {
        _client?.Dispose();
        _client = null;
        await _factory.DisposeAsync();
        _factory = Create();
        _ = Client;
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await _factory.DisposeAsync();
    }

    /// <summary>Where a browser reaches the server: set when it was created to listen on a real port.</summary>
    public Uri? Address { get; private set; }

    private WebApplicationFactory<Program> Create()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));

            // Whether a Gitea host is added (gitea:token) and which stores are used (storage:provider) is decided while
            // services are registered, before the settings above are applied (at Build); these reach Program as
            // arguments, early enough.
            foreach (var (key, value) in _settings.Where(s => s.Key.StartsWith("gitea:", StringComparison.Ordinal) || s.Key.StartsWith("storage:", StringComparison.Ordinal)))
            {
                web.UseSetting(key, value);
            }

            web.ConfigureLogging(logging => logging.AddProvider(Errors).AddProvider(Logs));
            if (_services is not null)
            {
                web.ConfigureTestServices(_services);
            }
        });
        if (_kestrel)
        {
            // A browser needs a real socket; the in-memory test server has none.
            factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
            factory.StartServer();
            var addresses = factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
            Address = new Uri(addresses.First());
        }

        return factory;
    }
}
