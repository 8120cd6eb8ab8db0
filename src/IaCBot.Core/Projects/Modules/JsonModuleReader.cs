using System.Text.Json;

namespace IaCBot.Core.Projects.Modules;

/// <summary>
/// Reads the module calls of a <c>*.tf.json</c> file, terraform's JSON syntax: <c>{"module": {"name": {"source":
/// "..."}}}</c>, where a block type may also hold an array of such objects.
/// See https://developer.hashicorp.com/terraform/language/syntax/json.
/// </summary>
internal static class JsonModuleReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static ModuleCalls Read(string text)
    {
        if (!text.Contains("\"module\"", StringComparison.Ordinal) && !text.Contains("\"terraform\"", StringComparison.Ordinal))
        {
            return ModuleCalls.None;
        }

        try
        {
            using var document = JsonDocument.Parse(text, Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ModuleCalls.None;
            }

            var sources = Blocks(document.RootElement, "module")
                .SelectMany(modules => modules.EnumerateObject())
                .SelectMany(call => Objects(call.Value))
                .Select(call => call.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String ? source.GetString() : null)
                .OfType<string>()
                .ToArray();
            var backend = Blocks(document.RootElement, "terraform")
                .Any(block => block.TryGetProperty("backend", out _) || block.TryGetProperty("cloud", out _));
            return sources.Length == 0 && !backend ? ModuleCalls.None : new ModuleCalls(sources, backend);
        }
        catch (JsonException)
        {
            // Terraform itself reports a broken file when the project runs; it just names no module here.
            return ModuleCalls.None;
        }
    }

    private static IEnumerable<JsonElement> Blocks(JsonElement root, string type) =>
        root.TryGetProperty(type, out var value) ? Objects(value) : [];

    private static IEnumerable<JsonElement> Objects(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => [value],
        JsonValueKind.Array => value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object),
        _ => [],
    };
}
