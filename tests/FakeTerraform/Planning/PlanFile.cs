using System.Text.Json;
using System.Text.Json.Nodes;
using FakeTerraform.State;

namespace FakeTerraform.Planning;

/// <summary>
/// The fake's plan file: JSON rather than terraform's zip, since only the fake reads it. It keeps the
/// <c>show -json</c> document made at plan time, as the real plan file keeps the configuration.
/// </summary>
internal static class PlanFile
{
    private const string Format = "fake-terraform-plan/1";

    public static void Write(string path, SavedPlan plan, JsonObject showJson)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JsonFormat.Compact.Encoder });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WritePropertyName("plan");
        PlanFileWriter.Write(json, plan);
        json.WritePropertyName("show_json");
        showJson.WriteTo(json);
        json.WriteEndObject();
    }

    /// <summary>The plan, or null when the file is missing or is not one the fake wrote.</summary>
    public static PlanFileContents? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var format) && format.GetString() == Format
                ? new PlanFileContents(Format, PlanFileReader.Read(root.GetProperty("plan")), JsonNode.Parse(root.GetProperty("show_json").GetRawText())!.AsObject())
                : null;
        }
        catch (Exception e) when (e is JsonException or IOException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }
}
