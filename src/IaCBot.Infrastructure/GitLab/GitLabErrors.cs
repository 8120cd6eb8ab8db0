using System.Net;
using System.Text.Json;
using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.GitLab;

/// <summary>
/// Turns GitLab's refusals into <see cref="VcsException"/>: its own message (<c>message</c> or <c>error</c>), whether
/// trying again may help, and how long it asked to wait (<c>Retry-After</c>, or <c>RateLimit-Reset</c>).
/// </summary>
/// <seealso href="https://docs.gitlab.com/ee/api/rest/troubleshooting.html"/>
/// <seealso href="https://docs.gitlab.com/ee/administration/settings/user_and_ip_rate_limits.html#response-headers"/>
internal static class GitLabErrors
{
    private const int MaxMessageLength = 500;

    public static async Task<VcsException> FromResponseAsync(
        HttpResponseMessage response, string action, string? token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var message = Redact(await ReadMessageAsync(response, cancellationToken), token);
        var transient = status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
        return new VcsException($"GitLab answered {status} to '{action}': {message}", status, transient, GitLabWait.RetryAfter(response, now));
    }

    /// <summary>A token is never in GitLab's answers; this only makes sure a quoted request cannot carry one out.</summary>
    public static string Redact(string text, string? token) =>
        string.IsNullOrEmpty(token) ? text : text.Replace(token, "***", StringComparison.Ordinal);

    /// <summary>GitLab says why in <c>message</c> (a string, a list or field errors) or <c>error</c>; else the body's start.</summary>
    private static async Task<string> ReadMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in new[] { "message", "error", "error_description" })
                {
                    if (root.TryGetProperty(name, out var value))
                    {
                        return Shorten(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText());
                    }
                }
            }
        }
        catch (JsonException)
        {
        }

        return body.Length == 0 ? response.ReasonPhrase ?? "no reason given" : Shorten(body);
    }

    private static string Shorten(string text) => text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "…";
}
