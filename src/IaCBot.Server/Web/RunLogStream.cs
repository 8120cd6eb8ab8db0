using System.Text;
using System.Text.Json;
using IaCBot.Core.RunHistory;
using IaCBot.Server.Runs;

namespace IaCBot.Server.Web;

/// <summary>
/// <c>GET /runs/{id}/log</c>: the run's project logs as Server-Sent Events, from their start (or their last MiB) and
/// then as terraform writes them, until the run has ended and every log is read; then an <c>end</c> event. Each
/// message is JSON <c>{"log": project, "text": chunk}</c>, which the page adds as text, never as markup. A run going on
/// on another replica has no file here: its logs are sent whole, from the store, once it has ended.
/// </summary>
internal sealed class RunLogStream(IRunHistory history, RunLogFiles logs, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const int ChunkBytes = 64 * 1024;

    public static string Name(ProjectRun project) =>
        (project.Name is { Length: > 0 } name ? name : project.Dir) + " · " + project.Workspace;

    public async Task StreamAsync(string id, HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        if (await history.GetAsync(id, cancellationToken) is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var readers = new Dictionary<string, LogReader>(StringComparer.Ordinal);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (await history.GetAsync(id, cancellationToken) is { } run)
            {
                var sent = false;
                foreach (var project in run.Projects)
                {
                    sent |= await SendNewAsync(context.Response, Name(project), project.LogPath, readers, cancellationToken)
                        || (run.Outcome != RunOutcome.Running
                            && await SendStoredAsync(context.Response, Name(project), project.LogPath, readers, stored, cancellationToken));
                }

                if (run.Outcome != RunOutcome.Running && !sent)
                {
                    await context.Response.WriteAsync("event: end\ndata: \n\n", cancellationToken);
                    await context.Response.Body.FlushAsync(cancellationToken);
                    return;
                }

                await Task.Delay(PollInterval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The browser left the page.
        }
        finally
        {
            foreach (var reader in readers.Values)
            {
                await reader.DisposeAsync();
            }
        }
    }

    private async Task<bool> SendNewAsync(
        HttpResponse response, string name, string? logPath, Dictionary<string, LogReader> readers, CancellationToken cancellationToken)
    {
        if (!readers.TryGetValue(name, out var reader))
        {
            if (logs.Resolve(logPath) is not { } path || !File.Exists(path))
            {
                return false;
            }

            reader = new LogReader(RunLogFiles.Open(path));
            readers[name] = reader;
        }

        // Terraform's colours are escape codes a page would show as noise.
        var text = Core.Comments.TerraformOutput.StripAnsi(await reader.ReadNewAsync(ChunkBytes, cancellationToken));
        if (text.Length == 0)
        {
            return false;
        }

        await SendAsync(response, name, text, cancellationToken);
        return true;
    }

    /// <summary>The ended run's log as stored by the replica that ran it, once, when this replica has no file of it.</summary>
    private async Task<bool> SendStoredAsync(
        HttpResponse response, string name, string? logPath, Dictionary<string, LogReader> readers, HashSet<string> stored, CancellationToken cancellationToken)
    {
        if (readers.ContainsKey(name) || logPath is null || !stored.Add(name)
            || await logs.ReadEndAsync(logPath, cancellationToken) is not { Length: > 0 } text)
        {
            return false;
        }

        text = Core.Comments.TerraformOutput.StripAnsi(text);
        for (var start = 0; start < text.Length; start += ChunkBytes)
        {
            await SendAsync(response, name, text.Substring(start, Math.Min(ChunkBytes, text.Length - start)), cancellationToken);
        }

        return true;
    }

    private static async Task SendAsync(HttpResponse response, string name, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"data: {JsonSerializer.Serialize(new { log = name, text }, Json)}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>A log being written: reads what was added since the last read, keeping a character split across reads whole.</summary>
    private sealed class LogReader : IAsyncDisposable
    {
        private readonly FileStream _stream;
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();

        public LogReader(FileStream stream)
        {
            _stream = stream;
            if (stream.Length > RunLogFiles.ShownChars)
            {
                stream.Seek(-RunLogFiles.ShownChars, SeekOrigin.End);
            }
        }

        public async Task<string> ReadNewAsync(int maxBytes, CancellationToken cancellationToken)
        {
            var bytes = new byte[maxBytes];
            var read = await _stream.ReadAsync(bytes, cancellationToken);
            var chars = new char[Encoding.UTF8.GetMaxCharCount(read)];
            var count = _decoder.GetChars(bytes, 0, read, chars, 0);
            return new string(chars, 0, count);
        }

        public ValueTask DisposeAsync() => _stream.DisposeAsync();
    }
}
