using System.Text.Json.Nodes;
using WireMock;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// Turns an injected fault into the answer GitHub gives for it. A 403 with <c>X-RateLimit-Remaining: 0</c> or a
/// "secondary rate limit" message gets GitHub's rate-limit body and headers, which is what Octokit reads to raise
/// its rate-limit exceptions.
/// </summary>
/// <seealso href="https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit"/>
internal static class FaultResponses
{
    public const string PrimaryMessage = "API rate limit exceeded for user ID 1.";
    public const string SecondaryMessage = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";

    private const string RateLimitDocs = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
    private const string SecondaryDocs = RateLimitDocs + "#about-secondary-rate-limits";

    public static ResponseMessage For(FakeFault fault)
    {
        var headers = new Dictionary<string, string>(fault.Headers, StringComparer.OrdinalIgnoreCase);
        var primary = fault.StatusCode is 403 or 429
            && headers.TryGetValue("X-RateLimit-Remaining", out var remaining) && remaining == "0";
        if (primary)
        {
            foreach (var (name, value) in RateLimitWindow.Exhausted())
            {
                headers.TryAdd(name, value);
            }
        }

        var response = GitHubResponses.Raw(fault.StatusCode, Body(fault, primary));
        foreach (var (name, value) in headers)
        {
            response.Headers![name] = new(value);
        }

        return response;
    }

    private static string Body(FakeFault fault, bool primary)
    {
        var status = fault.StatusCode;
        if (fault.Body is { } body && (body.TrimStart().StartsWith('{') || body.TrimStart().StartsWith('[')))
        {
            return body;
        }

        var message = fault.Body ?? (primary ? PrimaryMessage : GitHubResponses.DefaultMessage(status));
        var docs = message.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase) ? SecondaryDocs
            : primary ? RateLimitDocs
            : GitHubResponses.DocumentationUrl;
        return GitHubResponses.ErrorBody(status, message, documentationUrl: docs).ToJsonString();
    }
}
