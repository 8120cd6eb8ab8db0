using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.Gitea;

/// <summary>
/// Gitea's <c>/api/v1</c> over HTTP: the token header, JSON in and out, pagination, and every failure turned into a
/// <see cref="VcsException"/> whose message names the action and Gitea's own reason, never the token.
/// </summary>
/// <seealso href="https://docs.gitea.com/development/api-usage"/>
internal sealed class GiteaApi(GiteaSettings settings, Func<HttpClient> httpClient)
{
    /// <summary>Gitea's default for <c>[api] MAX_RESPONSE_ITEMS</c>; a server set lower answers fewer, which paging allows for.</summary>
    public const int PageSize = 50;

    // Bounds a paging loop against a server that keeps answering full pages: 500 pages of 50 is far past any real PR.
    private const int MaxPages = 500;

    /// <summary>The answer's JSON; null for a 404 when <paramref name="notFoundIsNull"/>.</summary>
    public async Task<JsonElement?> SendAsync(
        string action, HttpMethod method, string path, object? body, CancellationToken cancellationToken, bool notFoundIsNull = false)
    {
        using var response = await SendRawAsync(action, method, path, body, cancellationToken);
        if (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await ThrowUnlessSuccessAsync(action, response, cancellationToken);
        return await ReadJsonAsync(action, response, cancellationToken);
    }

    /// <summary>True for a 2xx answer, false for a 404; any other answer fails the call.</summary>
    public async Task<bool> ExistsAsync(string action, string path, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(action, HttpMethod.Get, path, null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await ThrowUnlessSuccessAsync(action, response, cancellationToken);
        return true;
    }

    /// <summary>
    /// Every item across all pages. Stops at the count Gitea gives in <c>X-Total-Count</c>, else when the
    /// <c>Link</c> header names no next page: a server whose <c>MAX_RESPONSE_ITEMS</c> is below our page size answers
    /// short pages that are not the last, and says so in those headers. With neither header, a short page is the last.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> ListAsync(string action, string path, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var page = 1; page <= MaxPages; page++)
        {
            using var response = await SendRawAsync(action, HttpMethod.Get, $"{path}{separator}page={page}&limit={PageSize}", null, cancellationToken);
            await ThrowUnlessSuccessAsync(action, response, cancellationToken);
            var json = await ReadJsonAsync(action, response, cancellationToken);
            if (json?.ValueKind != JsonValueKind.Array)
            {
                throw Malformed(action, "a list");
            }

            var before = items.Count;
            items.AddRange(json.Value.EnumerateArray());
            if (items.Count == before || IsLastPage(response, items.Count, items.Count - before))
            {
                return items;
            }
        }

        return items;
    }

    public static VcsException Malformed(string action, string what) =>
        new($"Gitea's answer to '{action}' is not {what}.", statusCode: null, isTransient: false);

    private static bool IsLastPage(HttpResponseMessage response, int seen, int onThisPage)
    {
        if (response.Headers.TryGetValues("X-Total-Count", out var totals) && long.TryParse(totals.FirstOrDefault(), out var total))
        {
            return seen >= total;
        }

        if (response.Headers.TryGetValues("Link", out var links))
        {
            return !links.Any(l => l.Contains("rel=\"next\"", StringComparison.OrdinalIgnoreCase));
        }

        return onThisPage < PageSize;
    }

    private async Task<HttpResponseMessage> SendRawAsync(string action, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(settings.ApiUrl, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (settings.Token is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("token", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        try
        {
            return await httpClient().SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new VcsException($"Gitea did not answer '{action}' in time: {Clean(ex.Message)}", null, true, null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new VcsException($"Gitea could not be reached for '{action}': {Clean(ex.Message)}", null, true, null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VcsException($"Gitea did not answer '{action}' in time.", null, true, null, ex);
        }
    }

    private async Task ThrowUnlessSuccessAsync(string action, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var transient = status is 408 or 429 or >= 500;
        var reason = await ReasonAsync(response, cancellationToken);
        throw new VcsException(
            $"Gitea answered {status} to '{action}'{(reason.Length > 0 ? ": " + reason : ".")}", status, transient, RetryAfter(response));
    }

    /// <summary>Gitea's <c>message</c> (its API error shape), else the start of whatever the server or a proxy sent.</summary>
    private async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return Clean(message.GetString()!);
            }
        }
        catch (JsonException)
        {
        }

        var plain = text.Trim();
        return Clean(plain.Length <= 200 ? plain : plain[..200] + "…");
    }

    private static async Task<JsonElement?> ReadJsonAsync(string action, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Malformed(action, "JSON");
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } when delta >= TimeSpan.Zero => delta,
        _ => null,
    };

    /// <summary>A server or proxy may echo a request header back in an error: the token is cut out of anything we repeat.</summary>
    private string Clean(string text) =>
        settings.Token is { Length: > 0 } token ? text.Replace(token, "***", StringComparison.Ordinal) : text;
}
