using System.Text.Json;

namespace IaCBot.Server.Webhooks;

/// <summary>Required-field access for payloads: a missing or mistyped field names its path in the error.</summary>
internal static class Json
{
    public static JsonElement Object(JsonElement parent, string name, string? path = null) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw Missing(path ?? name, "an object");

    public static string String(JsonElement parent, string name, string? path = null) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Missing(path ?? name, "a non-empty string");

    public static int Int(JsonElement parent, string name, string? path = null) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0
            ? number
            : throw Missing(path ?? name, "a positive number");

    private static MissingFieldException Missing(string path, string what) =>
        new($"The payload's '{path}' is missing or is not {what}.");
}
