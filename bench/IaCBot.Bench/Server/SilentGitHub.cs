using System.Net;
using System.Net.Sockets;

namespace IaCBot.Bench.Server;

/// <summary>
/// A GitHub API that takes connections and never answers. The jobs the deliveries queue wait on their first call
/// (for github:request_timeout) instead of running, so the workers take ten jobs and then sit idle: the benchmark
/// measures intake, not intake competing with the jobs for the CPU.
/// </summary>
internal sealed class SilentGitHub : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SilentGitHub()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>The API address, GitHub Enterprise Server style; repositories on it are <c>127.0.0.1:port/owner/name</c>.</summary>
    public string ApiUrl => $"http://127.0.0.1:{Port}/api/v3/";

    public string WebUrl => $"http://127.0.0.1:{Port}/";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped while accepting.
        }

        _held.ForEach(c => c.Dispose());
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            _held.Add(await _listener.AcceptTcpClientAsync(_stop.Token));
        }
    }
}
