using System.Globalization;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// GitHub's page-based pagination: <c>per_page</c> (30 by default, at most 100), <c>page</c> from 1, and a
/// <c>Link</c> header with absolute URLs that clients such as Octokit follow as they are.
/// </summary>
/// <seealso href="https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api"/>
internal static class Pagination
{
    public const int DefaultPerPage = 30;
    public const int MaxPerPage = 100;

    public static PageOf<T> Slice<T>(IReadOnlyList<T> all, ApiRequest request)
    {
        var perPage = request.IntQuery("per_page") is { } asked and > 0 ? Math.Min(asked, MaxPerPage) : DefaultPerPage;
        var page = request.IntQuery("page") is { } p and > 0 ? p : 1;
        var lastPage = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var items = all.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * perPage)).Take(perPage).ToList();
        return new PageOf<T>(items, Link(request, page, lastPage));
    }

    private static string? Link(ApiRequest request, int page, int lastPage)
    {
        var links = new List<string>();
        if (page > 1)
        {
            links.Add(Rel(request, Math.Min(page - 1, lastPage), "prev"));
        }

        if (page < lastPage)
        {
            links.Add(Rel(request, page + 1, "next"));
            links.Add(Rel(request, lastPage, "last"));
        }

        if (page > 1)
        {
            links.Add(Rel(request, 1, "first"));
        }

        return links.Count == 0 ? null : string.Join(", ", links);
    }

    private static string Rel(ApiRequest request, int page, string rel)
    {
        var query = request.Query
            .Where(p => p.Key != "page")
            .Append(new("page", page.ToString(CultureInfo.InvariantCulture)))
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}");
        return $"<{request.ApiUrl.TrimEnd('/')}{request.Message.Path}?{string.Join('&', query)}>; rel=\"{rel}\"";
    }
}
