using System.Text.Json.Serialization;

namespace FakeTerraform.Planning;

/// <summary>Source-generated serialization: reflection-based JSON would cost each run tens of milliseconds.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PlanFileContents))]
internal sealed partial class PlanFileJsonContext : JsonSerializerContext;
