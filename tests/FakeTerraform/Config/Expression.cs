namespace FakeTerraform.Config;

/// <summary>The right-hand side of an attribute: what the simple line reader understands.</summary>
internal abstract record Expression;
