using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeTerraform.Planning;

/// <summary>
/// The fake's plan file: JSON rather than terraform's zip, since only the fake reads it. It keeps the
/// <c>show -json</c> document made at plan time, as the real plan file keeps the configuration.
/// </summary>
internal static class PlanFile
{
    private const string Format = "fake-terraform-plan/1";

    public static void Write(string path, SavedPlan plan, JsonObject showJson) =>
        File.WriteAllText(path, JsonSerializer.Serialize(new PlanFileContents(Format, plan, showJson), PlanFileJsonContext.Default.PlanFileContents));

    /// <summary>The plan, or null when the file is not one the fake wrote.</summary>
    public static PlanFileContents? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var contents = JsonSerializer.Deserialize(File.ReadAllText(path), PlanFileJsonContext.Default.PlanFileContents);
            return contents?.Format == Format ? contents : null;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }
}
