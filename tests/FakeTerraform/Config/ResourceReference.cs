namespace FakeTerraform.Config;

internal sealed record ResourceReference(string Address, string Attribute) : Expression;
