namespace FakeTerraform.Config;

internal sealed record VariableConfig(string Name, TfValue? Default, bool Sensitive, string? Type, SourceLine Source);
