using IaCBot.Server.GitHostHttp;

namespace IaCBot.Server.GitHubApi;

/// <summary>GitHub's pauses: its primary and secondary rate limits (see <see cref="GitHubWaitReader"/>).</summary>
internal sealed class GitHubWaits : IGitHostWaits
{
    public string HostName => "GitHub";

    public async ValueTask<TimeSpan?> AskedWaitAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken) =>
        await GitHubWaitReader.ReadAsync(response, now, cancellationToken) is { } wait ? wait.Delay : null;
}
