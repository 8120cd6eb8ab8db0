namespace FakeTerraform.Config;

internal sealed record AttributeConfig(string Name, Expression Value, SourceLine Source);
