namespace FakeTerraform.Config;

internal sealed record OutputConfig(string Name, Expression Value, bool Sensitive);
