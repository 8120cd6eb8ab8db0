using System.Text.Json;
using System.Text.Json.Nodes;

namespace IaCBot.Server.Tests.Fakes;

/// <summary>Reads a JSON request body the way GitHub does: not an object is a 400, a field of the wrong type is absent.</summary>
internal static class RequestBody
{
    public static JsonObject? Object(ApiRequest request)
    {
        try
        {
            return JsonNode.Parse(request.Message.Body ?? "") as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? String(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>Length as GitHub counts it: in characters (code points), not UTF-16 units.</summary>
    public static int Length(string text) => text.EnumerateRunes().Count();
}
