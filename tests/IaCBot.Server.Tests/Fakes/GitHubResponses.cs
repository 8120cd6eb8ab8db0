using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>Answers in GitHub's shapes: compact JSON, its error body and its status codes.</summary>
/// <seealso href="https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api"/>
internal static class GitHubResponses
{
    public const string DocumentationUrl = "https://docs.github.com/rest";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ResponseMessage Json(int status, JsonNode body) => Raw(status, body.ToJsonString(Compact));

    public static ResponseMessage Raw(int status, string body)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "application/json; charset=utf-8");
        return response;
    }

    /// <summary>A page of a list, with its <c>Link</c> header when there are more pages.</summary>
    public static ResponseMessage Page<T>(PageOf<T> page, Func<T, JsonObject> toJson)
    {
        var response = Json(200, new JsonArray([.. page.Items.Select(toJson)]));
        if (page.Link is not null)
        {
            response.AddHeader("Link", page.Link);
        }

        return response;
    }

    public static JsonObject ErrorBody(int status, string message, JsonArray? errors = null, string documentationUrl = DocumentationUrl)
    {
        var body = new JsonObject { ["message"] = message };
        if (errors is not null)
        {
            body["errors"] = errors;
        }

        body["documentation_url"] = documentationUrl;
        body["status"] = status.ToString(CultureInfo.InvariantCulture);
        return body;
    }

    public static ResponseMessage Error(int status, string message, JsonArray? errors = null, string documentationUrl = DocumentationUrl) =>
        Json(status, ErrorBody(status, message, errors, documentationUrl));

    public static ResponseMessage NotFound() => Error(404, "Not Found");

    /// <summary>GitHub's 422 for a field it refuses, as its validation errors are written.</summary>
    public static ResponseMessage ValidationFailed(string resource, string field, string code, string? message = null)
    {
        var error = new JsonObject { ["resource"] = resource, ["code"] = code, ["field"] = field };
        if (message is not null)
        {
            error["message"] = message;
        }

        return Error(422, "Validation Failed", [error]);
    }

    /// <summary>The message GitHub gives with a status when nothing more specific applies.</summary>
    public static string DefaultMessage(int status) => status switch
    {
        400 => "Problems parsing JSON",
        401 => "Bad credentials",
        403 => "Resource not accessible by integration",
        404 => "Not Found",
        409 => "Conflict",
        422 => "Validation Failed",
        429 => "Too Many Requests",
        500 => "Server Error",
        502 => "Server Error",
        503 => "Service Unavailable",
        _ => $"HTTP {status}",
    };
}
