using System.Globalization;
using System.Text.RegularExpressions;
using WireMock;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>One request to a fake route, with the route's path parameters and the query read GitHub's way.</summary>
internal sealed class ApiRequest(IRequestMessage message, Match match, string apiUrl)
{
    public IRequestMessage Message { get; } = message;

    public string ApiUrl { get; } = apiUrl;

    public string Owner => match.Groups["owner"].Value;

    public string Repo => match.Groups["repo"].Value;

    public string Sha => match.Groups["sha"].Value;

    /// <summary>Any other named group of the route's path, such as <c>user</c>.</summary>
    public string Path(string group) => Uri.UnescapeDataString(match.Groups[group].Value);

    /// <summary>The issue or PR number; null when the path's number is not one GitHub could have.</summary>
    public int? Number =>
        int.TryParse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : null;

    /// <summary>The query's parameters in order; a repeated one keeps its first value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; } = ParseQuery(message.RawQuery);

    public int? IntQuery(string name)
    {
        var value = Query.FirstOrDefault(p => p.Key == name).Value;
        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static List<KeyValuePair<string, string>> ParseQuery(string? raw)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in (raw ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(part[(equals + 1)..].Replace('+', ' '));
            if (!pairs.Exists(p => p.Key == name))
            {
                pairs.Add(new(name, value));
            }
        }

        return pairs;
    }
}
