using System.Text.RegularExpressions;

namespace IaCBot.Infrastructure.GitLab;

/// <summary>Where the next page of a GitLab list is, from the headers of the current one; null on the last page.</summary>
internal static partial class GitLabPages
{
    /// <remarks>A <c>Link</c> to another host is not followed: the token would go with it.</remarks>
    public static Uri? Next(HttpResponseMessage response, Uri current)
    {
        if (Header(response, "X-Next-Page") is { Length: > 0 } page && int.TryParse(page, out var number) && number > 0)
        {
            return WithPage(current, number);
        }

        return Header(response, "Link") is { } link && NextLink().Match(link) is { Success: true } match
            && Uri.TryCreate(match.Groups["url"].Value, UriKind.Absolute, out var next)
            && next.Scheme == current.Scheme && next.Authority == current.Authority
            ? next
            : null;
    }

    private static Uri WithPage(Uri current, int page)
    {
        var query = current.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("page=", StringComparison.Ordinal))
            .Append($"page={page}");
        return new UriBuilder(current) { Query = string.Join('&', query) }.Uri;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    [GeneratedRegex(@"<(?<url>[^>]+)>\s*;\s*rel=""next""")]
    private static partial Regex NextLink();
}
