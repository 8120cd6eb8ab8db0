using System.Text.Encodings.Web;
using System.Text.Json;

namespace FakeTerraform.State;

/// <summary>JSON written the way Go's encoder writes it: quotes as \" and non-ASCII text left alone.</summary>
internal static class JsonFormat
{
    public static JsonSerializerOptions Compact { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonSerializerOptions Indented { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };
}
