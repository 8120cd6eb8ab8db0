using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IaCBot.Core.Vcs;

namespace IaCBot.Infrastructure.GitLab;

/// <summary>
/// GitLab's REST API v4 over the server's named HttpClient (whose handlers time and retry each attempt): JSON in
/// snake_case, the token in <c>PRIVATE-TOKEN</c>, lists read page by page, and every failure a <see cref="VcsException"/>.
/// </summary>
internal sealed class GitLabApi(GitLabSettings settings, Func<HttpClient> http, TimeProvider time)
{
    /// <summary>GitLab's largest page.</summary>
    private const int PageSize = 100;

    /// <summary>A bound on pages so that a looping <c>X-Next-Page</c> cannot keep a job forever (100,000 items).</summary>
    private const int MaxPages = 1000;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<T> GetAsync<T>(string path, string action, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, path, null, action, cancellationToken);

    /// <summary>The resource, or null when GitLab answers 404 (no such user, not a member).</summary>
    public async Task<T?> GetOrNullAsync<T>(string path, string action, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, Url(path), null, action, allowNotFound: true, cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? default : await ReadAsync<T>(response, action, cancellationToken);
    }

    /// <summary>
    /// Every item across pages: the next page is named by <c>X-Next-Page</c> (offset pagination) or, when GitLab
    /// sends only that, the <c>Link</c> header's <c>rel="next"</c> (keyset pagination).
    /// </summary>
    /// <seealso href="https://docs.gitlab.com/ee/api/rest/#pagination"/>
    public async Task<IReadOnlyList<T>> GetAllAsync<T>(string path, string action, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var seen = new HashSet<Uri>();
        Uri? next = Url(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"per_page={PageSize}");
        while (next is not null)
        {
            if (!seen.Add(next) || seen.Count > MaxPages)
            {
                throw new VcsException($"GitLab's pages for '{action}' do not end (over {seen.Count - 1} pages, or one named twice).", null, false);
            }

            using var response = await SendAsync(HttpMethod.Get, next, null, action, allowNotFound: false, cancellationToken);
            items.AddRange(await ReadAsync<List<T>>(response, action, cancellationToken) ?? []);
            next = GitLabPages.Next(response, next);
        }

        return items;
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string action, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, Url(path), body, action, allowNotFound: false, cancellationToken);
        return await ReadAsync<T>(response, action, cancellationToken)
            ?? throw new VcsException($"GitLab answered '{action}' with an empty body.", (int)response.StatusCode, false);
    }

    public async Task SendAsync(HttpMethod method, string path, object? body, string action, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(method, Url(path), body, action, allowNotFound: false, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, Uri url, object? body, string action, bool allowNotFound, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.UserAgent.ParseAdd("IaCBot");
        if (settings.Token is { Length: > 0 } token)
        {
            request.Headers.TryAddWithoutValidation("PRIVATE-TOKEN", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: JsonOptions);
        }

        HttpResponseMessage response;
        try
        {
            response = await http().SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new VcsException($"GitLab did not answer '{action}' in time: {ex.Message}", null, true, null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new VcsException($"GitLab could not be reached for '{action}': {ex.Message}", null, true, null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VcsException($"GitLab did not answer '{action}' in time.", null, true, null, ex);
        }

        if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
        {
            return response;
        }

        using (response)
        {
            throw await GitLabErrors.FromResponseAsync(response, action, settings.Token, time.GetUtcNow(), cancellationToken);
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, string action, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(JsonOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new VcsException($"GitLab's answer to '{action}' is not the JSON expected: {ex.Message}", (int)response.StatusCode, false, null, ex);
        }
    }

    private Uri Url(string path) => new(settings.ApiRoot, path);
}
