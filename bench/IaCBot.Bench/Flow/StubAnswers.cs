using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace IaCBot.Bench.Flow;

/// <summary>The stub's answers: the fields of GitHub's objects that the server reads, nothing more.</summary>
internal static class StubAnswers
{
    private const string Created = "2026-01-01T00:00:00Z";

    public static ResponseMessage Json(int status, string body)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "application/json; charset=utf-8");
        return response;
    }

    public static ResponseMessage NotFound() => Json(404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}""");

    public static string BodyOf(IRequestMessage message) =>
        JsonNode.Parse(message.Body ?? "{}")?["body"]?.GetValue<string>() ?? "";

    public static JsonObject File(string path) => new()
    {
        ["sha"] = "0000000000000000000000000000000000000000",
        ["filename"] = path,
        ["status"] = "added",
        ["additions"] = 1,
        ["deletions"] = 0,
        ["changes"] = 1,
    };

    public static string Comment(PostedComment comment) => CommentObject(comment).ToJsonString();

    public static string Comments(IEnumerable<PostedComment> comments) => new JsonArray([.. comments.Select(CommentObject)]).ToJsonString();

    public static string Status(PostedStatus status, int id) => new JsonObject
    {
        ["id"] = id,
        ["state"] = status.State,
        ["context"] = status.Context,
        ["description"] = status.Description,
        ["created_at"] = Created,
        ["updated_at"] = Created,
        ["creator"] = User(),
    }.ToJsonString();

    private static JsonObject CommentObject(PostedComment comment) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = "IC_" + comment.Id.ToString(CultureInfo.InvariantCulture),
        ["body"] = comment.Body,
        ["html_url"] = $"https://github.com/bench/repo/pull/1#issuecomment-{comment.Id}",
        ["created_at"] = Created,
        ["updated_at"] = Created,
        ["user"] = User(),
    };

    private static JsonObject User() => new() { ["login"] = "iacbot-bench", ["id"] = 1, ["type"] = "User" };
}
