namespace FakeTerraform.Config;

internal sealed record VariableReference(string Name) : Expression;
