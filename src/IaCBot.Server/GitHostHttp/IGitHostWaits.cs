namespace IaCBot.Server.GitHostHttp;

/// <summary>The one part of retrying that differs between Git hosts: how a host says how long a client must wait.</summary>
internal interface IGitHostWaits
{
    /// <summary>The host's name in log lines, such as GitHub.</summary>
    string HostName { get; }

    /// <summary>
    /// The pause this answer asks for, or null when it asks for none; an answer without a pause is tried again with
    /// backoff when it is a 408, 429 or 5xx.
    /// </summary>
    ValueTask<TimeSpan?> AskedWaitAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken);
}
