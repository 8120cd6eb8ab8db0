using System.Text.Json.Nodes;

namespace FakeTerraform.Planning;

internal sealed record PlanFileContents(string Format, SavedPlan Plan, JsonObject ShowJson);
